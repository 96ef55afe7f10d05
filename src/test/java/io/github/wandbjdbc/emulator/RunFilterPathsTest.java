package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Key paths (config wrapping, dotted and nested keys, summary), regexes and timestamps over {@link
 * FilterFixture}. Rows are {@code filter => matching runs} computed by hand ("-" = none).
 */
class RunFilterPathsTest {

  private static void check(String filter, String expected) {
    assertEquals(expected.equals("-") ? "" : expected, FilterFixture.matching(filter), filter);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      # config.X is config.X.value, and config.a.b is config.a.value.b
      {'config.lr.value': 0.1}                              => r3
      {'config.lr.value': {'$exists': true}}                => r1 r2 r3 r5
      {'config.model.layers': 4}                            => r1 r5
      {'config.model.value.layers': 4}                      => r1 r5
      {'config.model.value.value.layers': 4}                => -
      {'config.model.layers': {'$exists': false}}           => r3 r4
      {'config.model': {'layers': 2, 'activation': 'tanh'}} => r2
      {'config.model': {'activation': 'tanh', 'layers': 2}} => -
      {'config.optimizer.value': null}                      => r4 r5
      {'config.optimizer': {'$exists': true}}               => r1 r2 r3 r5
      {'config': {'$exists': true}}                         => r1 r2 r3 r4 r5
      # the dotted key 'data.path' (r1) cannot be addressed: the dot is a path separator
      {'config.data.path': '/data/a'}                       => -
      {'config.data.path': {'$exists': true}}               => -
      {'config.data': {'$exists': true}}                    => -
      # the _wandb entry is {"value": {...}} without "desc"
      {'config._wandb.cli_version': '0.19.1'}               => r4
      {'config._wandb.value.cli_version': '0.19.1'}         => r4
      # summary values are not wrapped
      {'summary_metrics.model.loss': {'$lt': 0.5}}          => r1
      {'summary_metrics.model.loss': {'$exists': true}}     => r1 r2
      {'summary_metrics.model.loss.value': 0.4}             => -
      {'summary_metrics.examples._type': 'image-file'}      => r3
      {'summary_metrics.acc': 'n/a'}                        => r3
      {'summary_metrics.loss.x': null}                      => r1 r2 r3 r4 r5
      """)
  void configAndSummaryPaths(String filter, String expected) {
    check(filter, expected);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      # display names: r1 happy-fox-1, r2 sad-cat-2, r3 Happy-Owl-3, r4 null, r5 a.b*c
      {'display_name': {'$regex': 'happy'}}                 => r1
      {'display_name': {'$regex': '(?i)^happy'}}            => r1 r3
      {'display_name': {'$regex': '-[0-9]$'}}               => r1 r2 r3
      {'display_name': {'$regex': '^happy-fox-1$'}}         => r1
      {'display_name': {'$regex': '^cat'}}                  => -
      {'display_name': {'$regex': 'cat'}}                   => r2
      {'display_name': {'$regex': 'a\\\\.b\\\\*c'}}         => r5
      {'display_name': {'$regex': 'a.b'}}                   => r5
      {'display_name': {'$regex': '[.]b[*]'}}               => r5
      {'display_name': {'$regex': ''}}                      => r1 r2 r3 r5
      {'config.lr': {'$regex': '1'}}                        => -
      {'config.optimizer': {'$regex': '^adam'}}             => r1 r3
      {'config.optimizer': {'$regex': 'adam$'}}             => r1
      {'config.model.activation': {'$regex': '^(relu|tanh)$'}}  => r1 r2
      {'state': {'$regex': 'ed$', '$ne': 'failed'}}         => r1 r2
      """)
  void regexes(String filter, String expected) {
    check(filter, expected);
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      # created: r1 2026-01-10T08:00:00, r2 2026-02-01T00:00:00, r3 2026-03-15T12:30:45,
      #          r4 2026-04-01T00:00:00, r5 2026-05-20T23:59:59 (all UTC)
      {'created_at': {'$gte': '2026-02-01'}}                => r2 r3 r4 r5
      {'created_at': {'$gt': '2026-02-01'}}                 => r3 r4 r5
      {'createdAt': {'$lt': '2026-03-15T12:30'}}            => r1 r2
      {'created_at': {'$lte': '2026-03-15T12:30:45'}}       => r1 r2 r3
      {'created_at': {'$gt': '2026-03-15T12:30:44.999'}}    => r3 r4 r5
      {'created_at': {'$gt': '2026-03-15T12:30:45Z'}}       => r4 r5
      {'created_at': {'$lt': '2026-03-15T14:30:45+02:00'}}  => r1 r2
      {'created_at': {'$lte': '2026-03-15T07:30:45-0500'}}  => r1 r2 r3
      {'created_at': '2026-02-01T00'}                       => r2
      {'created_at': '2026-02-01T01+01'}                    => r2
      {'created_at': '2026-02-01T00:00:00.000Z'}            => r2
      {'created_at': {'$gt': '2026-05-20T23:59:59-01:00'}}  => -
      {'created_at': {'$in': ['2026-01-10T08:00:00Z', '2026-04-01']}}  => r1 r4
      # not an ISO date: compared with the DateTime text yyyy-MM-ddTHH:mm:ss
      {'created_at': {'$gt': '2026-05'}}                    => r5
      {'created_at': {'$gt': '2026-13-01'}}                 => -
      {'created_at': {'$lt': '2026-02-01 00:00'}}           => r1
      {'created_at': {'$regex': '^2026-0[34]'}}             => r3 r4
      {'created_at': {'$regex': 'Z$'}}                      => -
      {'created_at': {'$gt': 5}}                            => -
      # heartbeat: r1 2026-01-10T09:30:00, r2 2026-02-01T00:00:30, r3 2026-03-15T13:00:00,
      #            r4 null (pending), r5 2026-05-21T00:10:00
      {'heartbeatAt': {'$gte': '2026-05-21T00:00:00Z'}}     => r5
      {'heartbeat_at': {'$lt': '2026-02-01T00:00:31'}}      => r1 r2
      {'heartbeat_at': {'$ne': null}}                       => r1 r2 r3 r5
      """)
  void timestamps(String filter, String expected) {
    check(filter, expected);
  }
}
