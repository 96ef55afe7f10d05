package io.github.wandbjdbc.calcite.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A runs scan asks W&B only for the fields and keys its columns need, including the columns that a
 * filter re-checked in Calcite or a local sort reads. The rows equal those of {@code
 * pushdown=false}, which reads discovered columns from their whole JSON fields, and for light
 * fields those of the emulator's dataset.
 */
class RunsFieldSelectionTest {
  private static final List<String> FLAGS =
      List.of(
          "withId",
          "withDisplayName",
          "withState",
          "withTags",
          "withGroup",
          "withJobType",
          "withSweepName",
          "withCommit",
          "withNotes",
          "withDescription",
          "withCreatedAt",
          "withHeartbeatAt",
          "withHistoryLineCount",
          "withUser",
          "withConfig",
          "withSummaryMetrics",
          "withSystemMetrics",
          "withHistoryKeys",
          "withConfigKeys",
          "withSummaryKeys");

  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private static WandbEmulator emulator;
  private static Connection pushed;
  private static Connection oracle;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(23).withRunsPerProject(40)));
    pushed = DriverManager.getConnection(emulator.jdbcUrl("demo") + ";pageSize=15");
    oracle = DriverManager.getConnection(emulator.jdbcUrl("demo") + ";pushdown=false");
  }

  @AfterAll
  static void stop() throws SQLException {
    pushed.close();
    oracle.close();
    emulator.close();
  }

  @Test
  void lightColumnsAskForTheirFieldsAlone() throws Exception {
    String sql = "SELECT run_id, state, created_at FROM runs ORDER BY run_id";
    List<String> expected =
        demo().stream()
            .sorted(Comparator.comparing(EmulatedRun::name))
            .map(r -> r.name() + "|" + r.state() + "|" + SQL_TIMESTAMP.format(r.createdAt()) + "|")
            .toList();
    assertEquals(expected, rows(pushed, sql));
    JsonNode variables = onlyRequest(sql);
    assertEquals(Set.of("withState", "withCreatedAt"), switchedOn(variables));
    assertEquals(0, variables.get("configKeys").size());
  }

  @Test
  void aSummaryKeyAsksForThatKeyAlone() throws Exception {
    JsonNode variables = onlyRequest("SELECT run_id, \"summary.acc\" FROM runs ORDER BY run_id");
    assertEquals(Set.of("withSummaryKeys"), switchedOn(variables));
    assertEquals(List.of("acc"), texts(variables.get("summaryKeys")));
  }

  @Test
  void nestedAndDottedConfigKeysAskForTheirTopLevelKeys() throws Exception {
    JsonNode variables =
        onlyRequest(
            "SELECT run_id, \"config.model.layers\", \"config.data.path\", \"config.lr\""
                + " FROM runs ORDER BY run_id");
    assertEquals(Set.of("withConfigKeys"), switchedOn(variables));
    assertEquals(List.of("data.path", "lr", "model"), texts(variables.get("configKeys")));
  }

  @Test
  void aWholeJsonColumnMakesItsKeysRedundant() throws Exception {
    JsonNode variables =
        onlyRequest("SELECT run_id, \"summary.acc\", summary FROM runs ORDER BY run_id");
    assertEquals(Set.of("withSummaryMetrics"), switchedOn(variables));
  }

  @Test
  void everyJsonColumnStillCarriesEverything() throws Exception {
    JsonNode variables =
        onlyRequest("SELECT run_id, config, summary, system_metrics FROM runs ORDER BY run_id");
    assertEquals(
        Set.of("withConfig", "withSummaryMetrics", "withSystemMetrics"), switchedOn(variables));
  }

  @Test
  void aFilterRecheckedAboveTheScanGetsItsColumns() throws Exception {
    // UPPER(...) is not pushed; "config.lr" > x is pushed as a superset and re-checked.
    JsonNode variables =
        onlyRequest(
            "SELECT run_id FROM runs WHERE UPPER(state) = 'FINISHED'"
                + " AND \"config.lr\" > 0.001 ORDER BY run_id");
    assertEquals(Set.of("withState", "withConfigKeys"), switchedOn(variables));
    assertEquals(List.of("lr"), texts(variables.get("configKeys")));
    List<String> expected =
        demo().stream()
            .filter(r -> "finished".equals(r.state()))
            .filter(r -> r.config().path("lr").path("value").asDouble() > 0.001)
            .map(r -> r.name() + "|")
            .sorted()
            .toList();
    assertEquals(
        expected,
        rows(
            pushed,
            "SELECT run_id FROM runs WHERE UPPER(state) = 'FINISHED'"
                + " AND \"config.lr\" > 0.001 ORDER BY run_id"));
  }

  @Test
  void aLocalSortGetsItsColumn() throws Exception {
    JsonNode variables =
        onlyRequest(
            "SELECT run_id FROM runs ORDER BY \"summary.loss\" DESC NULLS LAST, run_id LIMIT 7");
    assertEquals(Set.of("withSummaryKeys"), switchedOn(variables));
    assertEquals(List.of("loss"), texts(variables.get("summaryKeys")));
  }

  @Test
  void aPushedOrderStillFeedsTheSortAboveIt() throws Exception {
    // W&B's order picks the runs; Calcite's Sort above re-applies SQL's order on created_at.
    JsonNode variables = onlyRequest("SELECT run_id FROM runs ORDER BY created_at DESC LIMIT 4");
    assertEquals(Set.of("withCreatedAt"), switchedOn(variables));
    assertEquals("-created_at", variables.get("order").asText());
  }

  @Test
  void aCountOverALocalFilterAsksForTheFilteredColumnOnly() throws Exception {
    JsonNode variables = onlyRequest("SELECT COUNT(*) FROM runs WHERE display_name LIKE '%a%'");
    assertEquals(Set.of("withDisplayName"), switchedOn(variables));
  }

  @Test
  void anExplainShowsTheFieldsAndKeys() throws Exception {
    String plan =
        String.join(
            "\n",
            rows(
                pushed,
                "EXPLAIN PLAN FOR SELECT run_id, state, \"summary.acc\", \"config.lr\" FROM runs"));
    assertTrue(plan.contains("fields=[state], configKeys=[lr], summaryKeys=[acc])"), plan);
  }

  private static List<EmulatedRun> demo() {
    return emulator.dataset().project("acme", "demo").orElseThrow().runs();
  }

  /**
   * Runs {@code sql} on both connections, asserts equal rows and one Runs request of the pushed
   * connection per page, and returns the variables of its first request.
   */
  private static JsonNode onlyRequest(String sql) throws Exception {
    rows(pushed, "SELECT 1 FROM runs LIMIT 0"); // column discovery, not counted
    emulator.stats().reset();
    List<String> actual = rows(pushed, sql);
    List<JsonNode> requests = new ArrayList<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if ("Runs".equals(request.operationName())) {
        requests.add(request.variables());
      }
    }
    assertEquals(actual, rows(oracle, sql), sql);
    assertTrue(!requests.isEmpty(), sql);
    for (JsonNode variables : requests) {
      assertEquals(switchedOn(requests.get(0)), switchedOn(variables), "every page alike");
    }
    return requests.get(0);
  }

  private static Set<String> switchedOn(JsonNode variables) {
    Set<String> on = new TreeSet<>();
    for (String flag : FLAGS) {
      assertTrue(variables.get(flag).isBoolean(), flag + " must be sent");
      if (variables.get(flag).asBoolean()) {
        on.add(flag);
      }
    }
    return on;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= width; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
