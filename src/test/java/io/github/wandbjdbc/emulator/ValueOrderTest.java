package io.github.wandbjdbc.emulator;

import static io.github.wandbjdbc.emulator.HandBuiltRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wandbjdbc.emulator.ValueOrder.NonFinite;
import io.github.wandbjdbc.emulator.ValueOrder.NonNumbers;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Orders and filters twelve runs, one per kind of value of summary key {@code v}, under every
 * {@link ValueOrder}. The runs share a createdAt, so ties go by name ("miss" before "null"). Each
 * expectation lists run names: in sort order for orders, in {@link #RUNS} order for filters ("-" =
 * none). Under STRING, NaN and ±Infinity are the strings "NaN" and "±Infinity", which sort before
 * "text" ('-' &lt; 'I' &lt; 'N' &lt; 't').
 */
class ValueOrderTest {
  private static final List<EmulatedRun> RUNS =
      List.of(
          run("miss").build(),
          run("null").summary("{'v': null}").build(),
          run("nan").summary("{'v': NaN}").build(),
          run("ninf").summary("{'v': -Infinity}").build(),
          run("pinf").summary("{'v': Infinity}").build(),
          run("neg").summary("{'v': -2}").build(),
          run("half").summary("{'v': 0.5}").build(),
          run("one").summary("{'v': 1}").build(),
          run("str").summary("{'v': 'text'}").build(),
          run("list").summary("{'v': [1, 2]}").build(),
          run("obj").summary("{'v': {'a': 1}}").build(),
          run("bool").summary("{'v': true}").build());

  private static List<EmulatedRun> stored(ValueOrder values) {
    return RUNS.stream().map(values::stored).toList();
  }

  private static String sorted(ValueOrder values, String order) {
    return stored(values).stream()
        .sorted(RunOrdering.parse(order, values))
        .map(EmulatedRun::name)
        .collect(Collectors.joining(" "));
  }

  /** The runs whose v meets the condition. */
  private static String matching(ValueOrder values, String condition) {
    String filter = "{'summary_metrics.v': " + condition + "}";
    String names =
        stored(values).stream()
            .filter(RunFilterEvaluator.compile(HandBuiltRun.json(filter), values))
            .map(EmulatedRun::name)
            .collect(Collectors.joining(" "));
    return names.isEmpty() ? "-" : names;
  }

  @ParameterizedTest(name = "{0} {1} {2} => {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      BY_TYPE | NUMBER | +v | miss null nan ninf neg half one pinf str obj list bool
      FIRST   | NUMBER | +v | miss null str obj list bool nan ninf neg half one pinf
      LAST    | NUMBER | +v | ninf neg half one pinf nan miss null str obj list bool
      BY_TYPE | STRING | +v | miss null neg half one ninf pinf nan str obj list bool
      FIRST   | STRING | +v | miss null ninf pinf nan str obj list bool neg half one
      LAST    | STRING | +v | neg half one miss null ninf pinf nan str obj list bool
      BY_TYPE | NUMBER | -v | bool list obj str pinf one half neg ninf nan miss null
      FIRST   | NUMBER | -v | pinf one half neg ninf nan bool list obj str miss null
      LAST    | NUMBER | -v | bool list obj str miss null nan pinf one half neg ninf
      LAST    | STRING | -v | bool list obj str nan pinf ninf miss null one half neg
      """)
  void order(NonNumbers nonNumbers, NonFinite nonFinite, String order, String expected) {
    assertEquals(expected, sorted(new ValueOrder(nonNumbers, nonFinite), order));
  }

  @ParameterizedTest(name = "{0} {1} {2} => {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # the list [1, 2] matches through its elements wherever 1 or 2 would
      BY_TYPE | NUMBER | {'$gt': 0.5}    | pinf one list
      FIRST   | NUMBER | {'$gt': 0.5}    | pinf one list
      LAST    | NUMBER | {'$gt': 0.5}    | null nan pinf one str list obj bool
      BY_TYPE | STRING | {'$gt': 0.5}    | one list
      FIRST   | STRING | {'$gt': 0.5}    | one list
      LAST    | STRING | {'$gt': 0.5}    | null nan ninf pinf one str list obj bool
      BY_TYPE | NUMBER | {'$lt': 0.5}    | ninf neg
      FIRST   | NUMBER | {'$lt': 0.5}    | null nan ninf neg str list obj bool
      LAST    | NUMBER | {'$lt': 0.5}    | ninf neg
      BY_TYPE | STRING | {'$lt': 0.5}    | neg
      FIRST   | STRING | {'$lt': 0.5}    | null nan ninf pinf neg str list obj bool
      LAST    | STRING | {'$lt': 0.5}    | neg
      BY_TYPE | NUMBER | {'$gte': null}  | null
      FIRST   | NUMBER | {'$gte': null}  | null nan ninf pinf neg half one str list obj bool
      LAST    | NUMBER | {'$gte': null}  | null str list obj bool
      BY_TYPE | STRING | {'$gte': null}  | null
      FIRST   | STRING | {'$gte': null}  | null nan ninf pinf neg half one str list obj bool
      LAST    | STRING | {'$gte': null}  | null nan ninf pinf str list obj bool
      BY_TYPE | NUMBER | {'$lt': 'm'}    | -
      FIRST   | NUMBER | {'$lt': 'm'}    | null
      LAST    | NUMBER | {'$lt': 'm'}    | null nan ninf pinf neg half one list
      BY_TYPE | STRING | {'$lt': 'm'}    | nan ninf pinf
      FIRST   | STRING | {'$lt': 'm'}    | null nan ninf pinf
      LAST    | STRING | {'$lt': 'm'}    | null nan ninf pinf neg half one list
      BY_TYPE | NUMBER | {'$gt': NaN}    | -
      FIRST   | NUMBER | {'$gt': NaN}    | ninf pinf neg half one list
      LAST    | NUMBER | {'$gt': NaN}    | null str list obj bool
      BY_TYPE | STRING | {'$gt': NaN}    | -
      FIRST   | STRING | {'$gt': NaN}    | neg half one list
      LAST    | STRING | {'$gt': NaN}    | null nan ninf pinf str list obj bool
      BY_TYPE | NUMBER | {'$lte': NaN}   | nan
      FIRST   | NUMBER | {'$lte': NaN}   | null nan str list obj bool
      LAST    | NUMBER | {'$lte': NaN}   | nan ninf pinf neg half one list
      BY_TYPE | NUMBER | {'$gt': -Infinity} | pinf neg half one list
      FIRST   | NUMBER | {'$gt': -Infinity} | pinf neg half one list
      LAST    | NUMBER | {'$gt': -Infinity} | null nan pinf neg half one str list obj bool
      """)
  void comparison(NonNumbers nonNumbers, NonFinite nonFinite, String condition, String expected) {
    assertEquals(expected, matching(new ValueOrder(nonNumbers, nonFinite), condition));
  }

  @ParameterizedTest(name = "{0} {1} => {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      NUMBER | 1                                | one list
      STRING | 1                                | one list
      NUMBER | '1'                              | -
      NUMBER | true                             | bool
      NUMBER | {'$ne': 1}                       | miss null nan ninf pinf neg half str obj bool
      NUMBER | {'$in': [0.5, 'text', null]}     | miss null half str
      NUMBER | {'$nin': [0.5, 'text', null]}    | nan ninf pinf neg one list obj bool
      NUMBER | NaN                              | nan
      STRING | NaN                              | -
      NUMBER | 'NaN'                            | -
      STRING | 'NaN'                            | nan
      NUMBER | {'$in': [Infinity, '-Infinity']} | pinf
      STRING | {'$in': [Infinity, '-Infinity']} | ninf
      STRING | {'$ne': 'Infinity'}              | miss null nan ninf neg half one str list obj bool
      """)
  void equalityIsTypeExactUnderEveryPlacementOfNonNumbers(
      NonFinite nonFinite, String condition, String expected) {
    for (NonNumbers nonNumbers : NonNumbers.values()) {
      assertEquals(
          expected, matching(new ValueOrder(nonNumbers, nonFinite), condition), nonNumbers.name());
    }
  }

  @Test
  void missingNeverMatchesAComparison() {
    for (ValueOrder values : ValueOrder.all()) {
      for (String op : List.of("$gt", "$gte", "$lt", "$lte")) {
        for (String operand : List.of("null", "0", "NaN", "'a'", "[]", "{}", "true")) {
          String condition = "{'" + op + "': " + operand + "}";
          assertFalse(matching(values, condition).contains("miss"), values + " " + condition);
        }
      }
    }
  }

  @Test
  void stringModeServesFiltersAndCountsRunsAddedWhileServing() {
    EmulatedProject project =
        new EmulatedProject("acme", "demo", Instant.parse("2026-01-01T00:00:00Z"), List.of());
    EmulatorConfig config =
        EmulatorConfig.defaults().withValueOrder(new ValueOrder(NonNumbers.LAST, NonFinite.STRING));
    try (WandbEmulator emulator =
        WandbEmulator.start(config, new EmulatedDataset("acme", "alice", List.of(project)))) {
      project.addRun(
          run("late")
              .config("lr", "NaN")
              .summary("{'loss': -Infinity, 'curve': [1, Infinity], 'acc': 0.5}")
              .build());
      JsonNode data =
          new EmulatorHttp(emulator)
              .query(
                  """
                  { project(name: "demo", entityName: "acme") {
                      runCount(filters: "{\\"summary_metrics.loss\\": {\\"$gt\\": 1}}")
                      run(name: "late") { config summaryMetrics } } }
                  """,
                  null)
              .data();
      assertEquals(1, data.at("/project/runCount").intValue());
      assertEquals(
          "{\"lr\":{\"value\":\"NaN\",\"desc\":null}}", data.at("/project/run/config").textValue());
      assertEquals(
          "{\"loss\":\"-Infinity\",\"curve\":[1,\"Infinity\"],\"acc\":0.5}",
          data.at("/project/run/summaryMetrics").textValue());
    }
  }
}
