package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Operators, missing-versus-null, arrays, types and logical nesting over {@link FilterFixture}.
 * Each row is {@code filter => the matching runs}, computed by hand from the fixture ("-" = none).
 */
class RunFilterEvaluatorTest {

  private static void check(String filter, String expected) {
    assertEquals(expected.equals("-") ? "" : expected, FilterFixture.matching(filter), filter);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      {}                                                    => r1 r2 r3 r4 r5
      {'state': 'finished'}                                 => r1
      {'state': 'nope'}                                     => -
      {'state': 'finished', 'username': 'alice'}            => r1
      {'state': 'finished', 'username': 'bob'}              => -
      {'state': {'$eq': 'crashed'}}                         => r2
      {'state': {'$ne': 'finished'}}                        => r2 r3 r4 r5
      {'state': {'$in': ['running', 'pending']}}            => r3 r4
      {'state': {'$nin': ['running', 'pending']}}           => r1 r2 r5
      {'state': {'$in': []}}                                => -
      {'state': {'$nin': []}}                               => r1 r2 r3 r4 r5
      {'state': {'$gt': 'crashed', '$lt': 'pending'}}       => r1 r5
      {'state': {'$gte': 'running'}}                        => r3
      {'state': {'$lte': 'crashed'}}                        => r2
      {'name': 'r3'}                                        => r3
      {'display_name': 'happy-fox-1'}                       => r1
      {'displayName': 'sad-cat-2'}                          => r2
      {'jobType': 'train'}                                  => r1 r4
      {'sweep': 'sw1'}                                      => r1 r3
      {'host': 'gpu-1'}                                     => r1 r4
      {'username': {'$in': ['bob', 'carol']}}               => r2 r4 r5
      """)
  void comparisonAndMembershipOperators(String filter, String expected) {
    check(filter, expected);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      # run columns are always present: a null group is a present null
      {'group': null}                                       => r2
      {'group': {'$ne': null}}                              => r1 r3 r4 r5
      {'group': {'$exists': true}}                          => r1 r2 r3 r4 r5
      {'heartbeat_at': null}                                => r4
      {'display_name': {'$exists': false}}                  => -
      # config.checkpoint: null in r2, 'ckpt/a' in r3, missing in r1 r4 r5
      {'config.checkpoint': null}                           => r1 r2 r4 r5
      {'config.checkpoint': {'$eq': null}}                  => r1 r2 r4 r5
      {'config.checkpoint': {'$ne': null}}                  => r3
      {'config.checkpoint': {'$ne': 'ckpt/a'}}              => r1 r2 r4 r5
      {'config.checkpoint': {'$exists': true}}              => r2 r3
      {'config.checkpoint': {'$exists': false}}             => r1 r4 r5
      {'config.checkpoint': {'$in': [null]}}                => r1 r2 r4 r5
      {'config.checkpoint': {'$in': ['ckpt/a']}}            => r3
      {'config.checkpoint': {'$in': ['ckpt/a', null]}}      => r1 r2 r3 r4 r5
      {'config.checkpoint': {'$nin': ['ckpt/a']}}           => r1 r2 r4 r5
      {'config.checkpoint': {'$nin': ['ckpt/a', null]}}     => -
      {'config.checkpoint': {'$gte': null}}                 => r2
      {'config.checkpoint': {'$gt': null}}                  => -
      {'config.checkpoint': {'$gt': 'a'}}                   => r3
      # an unknown top-level key is missing in every run
      {'nonexistent': null}                                 => r1 r2 r3 r4 r5
      {'nonexistent': 1}                                    => -
      {'nonexistent': {'$ne': 1}}                           => r1 r2 r3 r4 r5
      {'nonexistent': {'$exists': true}}                    => -
      {'nonexistent': {'$nin': [1]}}                        => r1 r2 r3 r4 r5
      """)
  void missingVersusNull(String filter, String expected) {
    check(filter, expected);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      # tags: r1 [baseline v2], r2 [], r3 null, r4 [debug], r5 [v2 prod]
      {'tags': 'baseline'}                                  => r1
      {'tags': 'v2'}                                        => r1 r5
      {'tags': {'$ne': 'v2'}}                               => r2 r3 r4
      {'tags': {'$in': ['debug', 'prod']}}                  => r4 r5
      {'tags': {'$nin': ['debug', 'prod']}}                 => r1 r2 r3
      {'tags': null}                                        => r3
      {'tags': []}                                          => r2
      {'tags': ['baseline', 'v2']}                          => r1
      {'tags': ['v2', 'baseline']}                          => -
      {'tags': {'$ne': ['baseline', 'v2']}}                 => r2 r3 r4 r5
      {'tags': {'$gt': 'p'}}                                => r1 r5
      {'tags': {'$regex': '^v'}}                            => r1 r5
      {'tags': {'$exists': true}}                           => r1 r2 r3 r4 r5
      {'tags.0': 'v2'}                                      => r5
      {'$or': [{'tags': null}, {'tags': {'$ne': 'v2'}}]}    => r2 r3 r4
      # config.layer_sizes: r1 [256 128], r3 [512], r5 [128 256]
      {'config.layer_sizes': 128}                           => r1 r5
      {'config.layer_sizes': [128, 256]}                    => r5
      {'config.layer_sizes': {'$gt': 300}}                  => r3
      {'config.layer_sizes': {'$ne': 128}}                  => r2 r3 r4
      {'config.layer_sizes': {'$in': [512, 1]}}             => r3
      {'config.layer_sizes.1': 128}                         => r1
      """)
  void arrays(String filter, String expected) {
    check(filter, expected);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      # config.lr: r1 0.01, r2 1 (int), r3 0.1, r4 missing, r5 1.0
      {'config.lr': 1}                                      => r2 r5
      {'config.lr': 1.0}                                    => r2 r5
      {'config.lr': '1'}                                    => -
      {'config.lr': {'$in': ['1', true]}}                   => -
      {'config.lr': {'$gt': 0.05}}                          => r2 r3 r5
      {'config.lr': {'$gte': 0.1, '$lt': 1}}                => r3
      {'config.lr': {'$lte': 0.01}}                         => r1
      {'config.lr': {'$ne': 1}}                             => r1 r3 r4
      {'config.lr': {'$gt': 0, '$lt': 0.5}}                 => r1 r3
      # config.warmup: r1 100, r2 'auto', r3 50.5; comparisons stay within a type class
      {'config.warmup': {'$gt': 1}}                         => r1 r3
      {'config.warmup': {'$lt': 1000}}                      => r1 r3
      {'config.warmup': {'$gt': 'a'}}                       => r2
      {'config.warmup': {'$gte': ''}}                       => r2
      {'config.warmup': {'$ne': 'auto'}}                    => r1 r3 r4 r5
      # booleans do not compare with numbers
      {'config.use_amp': true}                              => r1
      {'config.use_amp': false}                             => r2
      {'config.use_amp': {'$gt': false}}                    => r1
      {'config.use_amp': 1}                                 => -
      {'config.use_amp': {'$gt': 0}}                        => -
      # summary loss: r1 0.5, r2 NaN, r3 0.2, r4 missing, r5 1 (int)
      {'summary_metrics.loss': {'$lt': 0.6}}                => r1 r3
      {'summary_metrics.loss': {'$gt': 0.3}}                => r1 r5
      {'summary_metrics.loss': NaN}                         => r2
      {'summary_metrics.loss': {'$gte': NaN}}               => r2
      {'summary_metrics.loss': {'$gt': NaN}}                => -
      {'summary_metrics.loss': {'$lt': NaN}}                => -
      {'summary_metrics.loss': {'$ne': NaN}}                => r1 r3 r4 r5
      {'summary_metrics.loss': {'$lt': Infinity}}           => r1 r3 r5
      {'summary_metrics.loss': {'$gt': -Infinity}}          => r1 r3 r5
      {'summary_metrics.loss': 'NaN'}                       => -
      {'summary_metrics.inf': {'$gt': 1e308}}               => r3
      {'summary_metrics.inf': Infinity}                     => r3
      {'summary_metrics.acc': {'$gt': 0.5}}                 => r1 r2 r5
      """)
  void typesNumbersAndNaN(String filter, String expected) {
    check(filter, expected);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      {'$and': [{'state': 'finished'}, {'config.lr': {'$lt': 1}}]}          => r1
      {'$or': [{'state': 'crashed'}, {'tags': 'debug'}]}                    => r2 r4
      {'$nor': [{'state': 'finished'}, {'state': 'failed'}]}                => r2 r3 r4
      {'$nor': [{'config.lr': {'$gt': 0.05}}]}                              => r1 r4
      {'state': 'finished', '$or': [{'username': 'bob'}, {'username': 'alice'}]}  => r1
      {'$or': [{'$and': [{'username': 'alice'}, {'config.batch_size': 32}]}, {'$nor': [{'config.lr': {'$exists': true}}]}]}  => r1 r3 r4
      {'$and': [{'$or': [{'group': 'exp-a'}, {'group': 'exp-b'}]}, {'$nor': [{'tags': 'debug'}]}]}  => r1 r3 r5
      {'$and': [{'state': 'finished'}], '$or': [{'state': 'crashed'}]}      => -
      """)
  void logicalOperatorsNest(String filter, String expected) {
    check(filter, expected);
  }
}
