package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed filters are rejected with a message naming where and what is wrong. */
class RunFilterValidationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      []                                 => filter: must be a JSON object, got array []
      'finished'                         => filter: must be a JSON object, got string "finished"
      null                               => filter: must be a JSON object, got null null
      {'$foo': 1}                        => filter: unknown top-level operator $foo (expected $and, $or, $nor or a field key)
      {'state': {'$foo': 1}}             => filter.state: unknown operator $foo (supported: $eq $ne $gt $gte $lt $lte $in $nin $exists $regex)
      {'state': {'$not': {'$eq': 1}}}    => filter.state: unknown operator $not (supported: $eq $ne $gt $gte $lt $lte $in $nin $exists $regex)
      {'$and': []}                       => filter: $and needs a non-empty array of filters, got array []
      {'$or': {'state': 'x'}}            => filter: $or needs a non-empty array of filters, got object {"state":"x"}
      {'$nor': [1]}                      => filter.$nor[0]: must be a JSON object, got number 1
      {'$and': [{'$or': [{'state': {'$bad': 1}}]}]}  => filter.$and[0].$or[0].state: unknown operator $bad (supported: $eq $ne $gt $gte $lt $lte $in $nin $exists $regex)
      {'state': {'$in': 'a'}}            => filter.state: $in needs an array, got string "a"
      {'state': {'$nin': null}}          => filter.state: $nin needs an array, got null null
      {'state': {'$exists': 1}}          => filter.state: $exists needs true or false, got number 1
      {'state': {'$exists': 'true'}}     => filter.state: $exists needs true or false, got string "true"
      {'state': {'$regex': 1}}           => filter.state: $regex needs a string, got number 1
      {'state': {'$eq': 1, 'x': 2}}      => filter.state: mixes operators and the plain key 'x' in one object; wrap a literal object in {"$eq": ...}
      {'config..x': 1}                   => filter: filter key 'config..x' has an empty path segment
      {'': 1}                            => filter: filter key '' has an empty path segment
      """)
  void rejectsMalformedFilters(String filter, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunFilterEvaluator.compile(HandBuiltRun.json(filter), ValueOrder.BSON));
    assertEquals(message, e.getMessage());
  }

  @Test
  void rejectsAnInvalidRegexWithThePatternSyntaxError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RunFilterEvaluator.compile(
                    HandBuiltRun.json("{'name': {'$regex': 'a(b'}}"), ValueOrder.BSON));
    assertTrue(
        e.getMessage().startsWith("filter.name: $regex is not a valid pattern: Unclosed group"),
        e.getMessage());
  }

  @Test
  void rejectsAMissingFilter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunFilterEvaluator.compile(null, ValueOrder.BSON));
    assertEquals("filter: must be a JSON object, got nothing", e.getMessage());
  }

  @Test
  void everyValueOrderRejectsTheSame() {
    for (ValueOrder values : ValueOrder.all()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> RunFilterEvaluator.compile(HandBuiltRun.json("{'state': {'$in': 1}}"), values));
    }
  }

  @Test
  void acceptsEveryDocumentedOperator() {
    RunFilterEvaluator.compile(
        HandBuiltRun.json(
            """
        {"$and": [{"state": "finished"}, {"$or": [{"tags": null}, {"$nor": [{"group": "x"}]}]}],
         "config.lr": {"$eq": 1, "$ne": 2, "$gt": 0, "$gte": 0, "$lt": 9, "$lte": 9,
                       "$in": [1], "$nin": [], "$exists": true},
         "display_name": {"$regex": "^a.*$"},
         "config.model": {"layers": 2}}
        """),
        ValueOrder.BSON);
  }
}
