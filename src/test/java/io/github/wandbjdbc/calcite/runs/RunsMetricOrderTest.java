package io.github.wandbjdbc.calcite.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.HandBuiltRun;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.ValueOrder;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ORDER BY a discovered numeric column with a LIMIT: the rows equal those of {@code
 * pushdown=false}, and the requests are the ones the proof needs (MetricOrderReader), counted and
 * read from what the emulator received.
 */
class RunsMetricOrderTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private static WandbEmulator emulator;
  private static Connection pushing;
  private static Connection oracle;

  @BeforeAll
  static void start() throws Exception {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(5)
                    .withRunsPerProject(2_000)
                    .withHistorySteps(3)
                    .withEventsPerRun(1)));
    pushing = discovered("");
    oracle = discovered(";pushdown=false");
    EmulatedProject demo = emulator.dataset().project("acme", "demo").orElseThrow();
    // Older than every generated run, so column discovery never saw them.
    demo.addRun(run("oddnan01", "{'acc': NaN, '_runtime': 5.0}"));
    demo.addRun(run("oddinf01", "{'acc': Infinity, '_runtime': 6.0}"));
    demo.addRun(run("oddtext1", "{'acc': 'high', '_runtime': 7.0}"));
  }

  private static Connection discovered(String properties) throws SQLException {
    Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo") + properties);
    connection.getMetaData().getColumns(null, "demo", "runs", null).close();
    return connection;
  }

  private static EmulatedRun run(String name, String summary) {
    return HandBuiltRun.run(name)
        .displayName(name)
        .state("finished")
        .createdAt("2020-01-01T00:00:00Z")
        .heartbeatAt("2020-01-01T00:01:00Z")
        .username("alice")
        .summary(summary)
        .build();
  }

  @AfterAll
  static void stop() throws SQLException {
    pushing.close();
    oracle.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.stats().reset();
  }

  @Test
  void plainNumbersCostOnePageAndOneCount() throws Exception {
    List<String> rows =
        same(
            "SELECT run_id, \"summary._runtime\" FROM runs WHERE state = 'finished'"
                + " ORDER BY \"summary._runtime\" DESC NULLS LAST, run_id LIMIT 10");
    assertEquals(10, rows.size());
    assertEquals(Map.of("Runs", 1L, "RunCounts", 1L), emulator.stats().operations());
    JsonNode page = requests("Runs").get(0);
    assertEquals("-summary_metrics._runtime", page.get("order").asText());
    assertEquals(30, page.get("perPage").asInt(), "twice the goal and ten");
    JsonNode range = page.get("filters").get("summary_metrics._runtime");
    assertEquals(-Double.MAX_VALUE, range.get("$gte").asDouble());
    assertEquals(Double.MAX_VALUE, range.get("$lte").asDouble());
    JsonNode counts = requests("RunCounts").get(0);
    assertEquals("{\"state\":\"finished\"}", counts.get("filters0").asText(), "every run");
    assertTrue(counts.get("with3").asBoolean(), "the page's last value and the goal's");
    assertTrue(counts.get("filters2").asText().contains("{\"$exists\":false}"), "lacking it");
    assertTrue(counts.get("filters3").asText().contains("\"$gte\""));
  }

  @Test
  void oddValuesAreReadOnceAndPlacedWhereSqlPlacesThem() throws Exception {
    // NaN, then +Infinity, come before every number descending; the string reads as NULL.
    List<String> rows =
        same(
            "SELECT run_id, \"summary.acc\" FROM runs"
                + " ORDER BY \"summary.acc\" DESC NULLS LAST, run_id LIMIT 5");
    assertEquals("oddnan01,NaN", rows.get(0));
    assertEquals("oddinf01,Infinity", rows.get(1));
    assertEquals(Map.of("Runs", 2L, "RunCounts", 1L), emulator.stats().operations());
    JsonNode odd = requests("Runs").get(1).get("filters");
    assertTrue(
        odd.has("$nor") && odd.has("summary_metrics.acc"), "odd values, key present: " + odd);
  }

  @Test
  void ascendingWithAnOffsetPutsNegativeInfinityFirst() throws Exception {
    List<String> rows =
        same(
            "SELECT run_id, \"summary.min_log_prob\" FROM runs"
                + " ORDER BY \"summary.min_log_prob\", run_id LIMIT 10 OFFSET 5");
    assertTrue(rows.get(0).endsWith(",-Infinity"), rows.toString());
    assertEquals(1, requests("RunCounts").size());
  }

  @Test
  void aFilterLeftToCalciteMakesTheReaderGoOnInProvenChunks() throws Exception {
    same(
        "SELECT run_id FROM runs WHERE UPPER(run_id) LIKE '%Q%' AND state = 'finished'"
            + " ORDER BY \"summary._runtime\" DESC NULLS LAST, run_id LIMIT 20");
    List<JsonNode> counts = requests("RunCounts");
    assertTrue(counts.size() >= 2, "more than the first chunk was needed: " + counts);
    assertTrue(counts.get(1).get("filters0").asText().contains("\"$lt\""), counts.toString());
    for (JsonNode page : requests("Runs")) {
      assertTrue(page.get("filters").toString().contains("finished"), page.toString());
    }
  }

  @Test
  void tiesRunningPastThePageFallBackToOneFullRead() throws Exception {
    same(
        "SELECT run_id, \"config.batch_size\" FROM runs"
            + " ORDER BY \"config.batch_size\" DESC NULLS LAST, run_id LIMIT 10");
    List<JsonNode> pages = requests("Runs");
    assertEquals(1, requests("RunCounts").size());
    JsonNode last = pages.get(pages.size() - 1);
    assertEquals("{}", last.get("filters").toString(), "the full read has the query's filter only");
    // The page, then the full read of 2,003 runs, 1,000 a page (the runs lacking the key, or
    // holding no number, are not read before the proof fails).
    assertEquals(4, pages.size());
  }

  @Test
  void nullsFirstIsSortedLocally() throws Exception {
    // A list holding a number, or a BIGINT column's 2.5, reads as NULL yet is a number to W&B.
    for (String column : List.of("summary.acc", "config.batch_size")) {
      String sql =
          "SELECT run_id FROM runs ORDER BY \"" + column + "\" DESC NULLS FIRST, run_id LIMIT 5";
      String plan = explain(sql);
      assertTrue(plan.contains("EnumerableLimitSort"), plan);
      assertFalse(plan.contains("proven"), plan);
      same(sql);
    }
  }

  @Test
  void withoutLimitTheSortStaysLocal() throws Exception {
    String plan = explain("SELECT run_id FROM runs ORDER BY \"summary._runtime\" DESC");
    assertTrue(plan.contains("EnumerableSort"), plan);
    assertFalse(plan.contains("proven"), plan);
  }

  @Test
  void explainShowsTheOrderAndItsProof() throws Exception {
    String plan =
        explain(
            "SELECT run_id FROM runs WHERE state = 'finished'"
                + " ORDER BY \"summary.acc\" DESC NULLS LAST LIMIT 10 OFFSET 5");
    assertTrue(
        plan.contains(
            "in summary.acc DESC NULLS LAST (order=-summary_metrics.acc as a hint, proven by"
                + " runCount), first 15"),
        plan);
    assertFalse(plan.contains("Sort("), plan);
  }

  /**
   * Whatever W&B does with values that are not numbers (the emulator's six orders), every order a
   * metric can be asked in gives SQL's rows, and a metric every run holds costs two requests.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.wandbjdbc.emulator.ValueOrder#all")
  void everyValueOrderGivesSqlsRows(ValueOrder values) throws Exception {
    try (WandbEmulator server =
            WandbEmulator.start(
                EmulatorConfig.defaults().withValueOrder(values),
                DatasetGenerator.generate(
                    GeneratorSpec.defaults(9)
                        .withRunsPerProject(300)
                        .withHistorySteps(3)
                        .withEventsPerRun(1)));
        Connection on = DriverManager.getConnection(server.jdbcUrl("demo"));
        Connection off = DriverManager.getConnection(server.jdbcUrl("demo") + ";pushdown=false")) {
      on.getMetaData().getColumns(null, "demo", "runs", null).close();
      off.getMetaData().getColumns(null, "demo", "runs", null).close();
      EmulatedProject demo = server.dataset().project("acme", "demo").orElseThrow();
      int i = 0;
      for (String odd :
          List.of(
              "{'acc': NaN, '_runtime': 1.5}",
              "{'acc': Infinity, '_runtime': 1.5}",
              "{'acc': -Infinity, '_runtime': 1.5}",
              "{'acc': 'high', '_runtime': 1.5}",
              "{'acc': [0.5], '_runtime': 1.5}",
              "{'acc': true, '_runtime': 1.5}",
              "{'acc': null, '_runtime': 1.5}",
              "{'acc': {'best': 1}, '_runtime': 1.5}",
              "{'_runtime': 1.5}")) {
        demo.addRun(run("oddrun0" + i++, odd));
      }
      for (String order :
          List.of("DESC NULLS LAST", "DESC NULLS FIRST", "ASC NULLS LAST", "ASC NULLS FIRST")) {
        for (String tail : List.of("LIMIT 5", "LIMIT 5 OFFSET 40", "LIMIT 12 OFFSET 280")) {
          String sql =
              "SELECT run_id, \"summary.acc\" FROM runs WHERE UPPER(run_id) NOT LIKE '%Z%'"
                  + " ORDER BY \"summary.acc\" "
                  + order
                  + ", run_id "
                  + tail;
          assertEquals(rows(off, sql), rows(on, sql), values + ": " + sql);
        }
      }
      server.stats().reset();
      String plain =
          "SELECT run_id FROM runs WHERE state = 'finished'"
              + " ORDER BY \"summary._runtime\" DESC NULLS LAST LIMIT 10";
      assertEquals(10, rows(on, plain).size());
      assertEquals(
          Map.of("Runs", 1L, "RunCounts", 1L), server.stats().operations(), values.toString());
    }
  }

  /** Runs {@code sql} on both connections and returns its rows, which must be equal. */
  private static List<String> same(String sql) throws SQLException {
    List<String> expected = rows(oracle, sql);
    emulator.stats().reset();
    List<String> actual = rows(pushing, sql);
    assertEquals(expected, actual, sql);
    return actual;
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(String.join(",", row));
      }
    }
    return rows;
  }

  private static String explain(String sql) throws SQLException {
    return String.join("\n", rows(pushing, "EXPLAIN PLAN FOR " + sql));
  }

  /** The variables of the requests of one operation since the last reset, filters parsed. */
  private static List<JsonNode> requests(String operation) throws Exception {
    List<JsonNode> variables = new ArrayList<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if (operation.equals(request.operationName())) {
        ObjectNode copy = request.variables().deepCopy();
        if (copy.has("filters")) {
          copy.set("filters", JSON.readTree(copy.get("filters").asText()));
        }
        variables.add(copy);
      }
    }
    return variables;
  }
}
