package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Joins whose right side reads runs on {@code run_id}: the right side asks W&B only for the run ids
 * of each batch of left rows. Every query is checked three ways: its rows against {@code
 * pushdown=false} (a hash join over full listings), its plan, and the requests the emulator
 * received.
 */
class BatchedJoinTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RUNS = 230;
  private static WandbEmulator emulator;
  private static List<EmulatedRun> runs;
  private static Connection pushing;
  private static Connection oracle;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(7).withRunsPerProject(RUNS)));
    runs = emulator.dataset().project("acme", "demo").orElseThrow().runs();
    pushing = connect("");
    oracle = connect(";pushdown=false");
  }

  private static Connection connect(String extra) throws SQLException {
    Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo") + extra);
    connection.createStatement().executeQuery("SELECT COUNT(*) FROM runs").close();
    return connection;
  }

  @AfterAll
  static void stop() throws SQLException {
    pushing.close();
    oracle.close();
    emulator.close();
  }

  @BeforeEach
  void resetCounters() {
    emulator.stats().reset();
  }

  @Test
  void aFilteredLeftSideFetchesOnlyItsRunsOnTheRight() throws Exception {
    String sql =
        "SELECT a.run_id, b.display_name FROM runs a JOIN runs b ON a.run_id = b.run_id"
            + " WHERE a.state = 'crashed'";
    Set<String> crashed = names("crashed");
    assertTrue(crashed.size() > 1 && crashed.size() < 100, "dataset: " + crashed.size());
    List<String> rows = sameRowsAsTheOracle(sql);
    assertEquals(crashed.size(), rows.size());

    List<JsonNode> filters = runsFilters();
    assertEquals(2, filters.size(), filters.toString());
    assertEquals(json("{\"state\":\"crashed\"}"), filters.get(0));
    assertEquals(crashed, runIds(filters.get(1)));

    String plan = explain(sql);
    assertTrue(plan.contains("EnumerableBatchNestedLoopJoin"), plan);
    assertTrue(plan.contains("RunsCorrelatedFilter(runIds=[$cor"), plan);
    assertTrue(plan.contains("filters={} + name $in $cor"), plan);
  }

  @Test
  void parametersOfTheLeftSideAndCorrelationAreBoundTogether() throws Exception {
    String sql =
        "SELECT a.run_id, b.state FROM runs a JOIN runs b ON a.run_id = b.run_id"
            + " WHERE a.state = ?";
    try (PreparedStatement statement = pushing.prepareStatement(sql)) {
      for (String state : List.of("crashed", "failed")) {
        emulator.stats().reset();
        statement.setString(1, state);
        List<String> rows = rows(statement.executeQuery());
        assertEquals(names(state).stream().map(n -> n + "|" + state).sorted().toList(), rows);
        List<JsonNode> filters = runsFilters();
        assertEquals(2, filters.size(), filters.toString());
        assertEquals(names(state), runIds(filters.get(1)));
      }
    }
  }

  /** The inner side's own filter and the batch's run ids are one W&B filter, merged by key. */
  @Test
  void theInnerFilterAndTheBatchAreMergedIntoOneDocument() throws Exception {
    String sql =
        "SELECT a.run_id, b.state FROM runs a JOIN runs b ON a.run_id = b.run_id"
            + " WHERE a.state = 'crashed' AND b.display_name <> 'nobody'";
    List<String> rows = sameRowsAsTheOracle(sql);
    assertEquals(names("crashed").size(), rows.size());
    JsonNode batch = runsFilters().get(1);
    assertEquals(json("{\"$ne\":\"nobody\"}"), batch.get("display_name"), batch.toString());
    assertEquals(2, batch.size(), batch.toString());
    Set<String> ids = new HashSet<>();
    batch.get("name").get("$in").forEach(id -> ids.add(id.asText()));
    assertEquals(names("crashed"), ids);
  }

  /** Calcite pads a short last batch with its first row; that must not change rows or requests. */
  @ParameterizedTest
  @ValueSource(ints = {1, 99, 100, 101})
  void eachBatchOfAtMostAHundredLeftRowsIsOneRequest(int leftRows) throws Exception {
    String sql =
        "SELECT a.run_id, b.display_name, b.created_at FROM (SELECT run_id FROM runs"
            + " ORDER BY created_at LIMIT "
            + leftRows
            + ") a JOIN runs b ON a.run_id = b.run_id";
    assertEquals(leftRows, sameRowsAsTheOracle(sql).size());
    List<JsonNode> filters = runsFilters();
    int batches = (leftRows + 99) / 100;
    assertEquals(1 + batches, filters.size(), filters.toString());
    Set<String> first =
        new HashSet<>(
            runs.stream()
                .sorted(Comparator.comparing(EmulatedRun::createdAt))
                .limit(leftRows)
                .map(EmulatedRun::name)
                .toList());
    Set<String> requested = new HashSet<>();
    for (JsonNode filter : filters.subList(1, filters.size())) {
      Set<String> ids = runIds(filter);
      assertTrue(ids.size() <= 100, filter.toString());
      assertTrue(first.containsAll(ids), "asked for runs outside the left rows: " + filter);
      requested.addAll(ids);
    }
    assertEquals(first, requested);
  }

  @Test
  void leftJoinKeepsRowsWhoseKeyIsNullOrNamesNoRun() throws Exception {
    String sql =
        "SELECT a.k, a.state, b.run_id, b.state FROM (SELECT CASE"
            + " WHEN state = 'crashed' THEN run_id"
            + " WHEN state = 'failed' THEN run_id || '-gone' END AS k, state FROM runs"
            + " WHERE state IN ('crashed', 'failed', 'finished')) a"
            + " LEFT JOIN runs b ON a.k = b.run_id";
    List<String> rows = sameRowsAsTheOracle(sql);
    assertTrue(
        rows.stream().anyMatch(r -> r.startsWith("null|finished|null|null")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("-gone|failed|null|null")), rows.toString());
    assertTrue(explain(sql).contains("EnumerableBatchNestedLoopJoin"));
    Set<String> asked = new HashSet<>();
    runsFilters().stream().filter(f -> f.has("name")).forEach(f -> asked.addAll(runIds(f)));
    Set<String> keys = new HashSet<>(names("crashed"));
    names("failed").forEach(name -> keys.add(name + "-gone"));
    assertEquals(keys, asked);
  }

  @Test
  void repeatedLeftKeysAreJoinedEachTimeAndAskedForOnce() throws Exception {
    String sql =
        "SELECT a.run_id, b.display_name FROM (SELECT run_id FROM runs WHERE state ="
            + " 'crashed' UNION ALL SELECT run_id FROM runs WHERE state = 'crashed') a"
            + " JOIN runs b ON a.run_id = b.run_id";
    assertEquals(2 * names("crashed").size(), sameRowsAsTheOracle(sql).size());
    List<JsonNode> filters = runsFilters();
    JsonNode correlated = filters.get(filters.size() - 1);
    assertEquals(
        names("crashed").size(), correlated.get("name").get("$in").size(), correlated.toString());
  }

  @Test
  void aBatchWithoutAnyKeySendsNoRequestForTheRightSide() throws Exception {
    String sql =
        "SELECT a.run_id, b.run_id FROM (SELECT run_id, CASE WHEN display_name = ''"
            + " THEN run_id END AS k FROM runs WHERE state = 'crashed') a"
            + " LEFT JOIN runs b ON a.k = b.run_id";
    assertEquals(names("crashed").size(), sameRowsAsTheOracle(sql).size());
    assertTrue(explain(sql).contains("RunsCorrelatedFilter"));
    emulator.stats().reset();
    rows(pushing.createStatement().executeQuery(sql));
    assertEquals(1, runsFilters().size(), "only the left side is read");
  }

  @Test
  void aRightSideWithALimitIsReadWhole() throws Exception {
    String sql =
        "SELECT a.run_id, b.display_name FROM runs a JOIN (SELECT run_id, display_name"
            + " FROM runs ORDER BY created_at LIMIT 5) b ON a.run_id = b.run_id"
            + " WHERE a.state = 'crashed'";
    sameRowsAsTheOracle(sql);
    assertFalse(explain(sql).contains("RunsCorrelatedFilter"));
  }

  @Test
  void anUnfilteredLeftSideReadsTheRightSideOnce() throws Exception {
    String sql = "SELECT a.run_id, b.display_name FROM runs a JOIN runs b ON a.run_id = b.run_id";
    assertEquals(RUNS, sameRowsAsTheOracle(sql).size());
    // Two listings of all 230 runs in one page each, not one listing plus a request per hundred
    // runs. Neither side feeds the result row by row, so the fetch size sizes neither first page.
    List<JsonNode> filters = runsFilters();
    assertEquals(List.of(json("{}"), json("{}")), filters);
    assertFalse(explain(sql).contains("BatchNestedLoopJoin"));
  }

  @Test
  void historiesOfAnUnfilteredLeftSideAreReadInOneScan() throws Exception {
    String sql =
        "SELECT a.run_id, a.state, COUNT(*) FROM runs a JOIN histories h ON a.run_id = h.run_id"
            + " GROUP BY a.run_id, a.state";
    assertFalse(explain(sql).contains("BatchNestedLoopJoin")); // also discovers the columns
    sameRowsAsTheOracle(sql);
    List<JsonNode> filters = runsFilters();
    assertTrue(filters.stream().noneMatch(f -> f.has("name")), filters.toString());
    // The runs in one page (the join's side does not feed the result row by row, so the fetch
    // size does not size it); the history scan's runs carry their history keys, 200 a page.
    assertEquals(3, filters.size(), filters.toString());
  }

  @Test
  void otherJoinKeysAndPushdownFalseKeepTheHashJoin() throws Exception {
    String sql =
        "SELECT a.run_id, b.run_id FROM runs a JOIN runs b ON a.group_name = b.group_name"
            + " WHERE a.state = 'crashed'";
    sameRowsAsTheOracle(sql);
    assertFalse(explain(sql).contains("BatchNestedLoopJoin"));
    String onRunId =
        "SELECT a.run_id FROM runs a JOIN runs b ON a.run_id = b.run_id"
            + " WHERE a.state = 'crashed'";
    String plan =
        String.join(
            "\n", rows(oracle.createStatement().executeQuery("EXPLAIN PLAN FOR " + onRunId)));
    assertFalse(plan.contains("BatchNestedLoopJoin"), plan);
  }

  /** The query's rows, sorted, after checking they are those of {@code pushdown=false}. */
  private static List<String> sameRowsAsTheOracle(String sql) throws SQLException {
    List<String> expected = rows(oracle.createStatement().executeQuery(sql));
    emulator.stats().reset();
    List<String> actual = rows(pushing.createStatement().executeQuery(sql));
    assertEquals(expected, actual, sql);
    return actual;
  }

  private static Set<String> names(String state) {
    Set<String> names = new HashSet<>();
    runs.stream().filter(r -> state.equals(r.state())).forEach(r -> names.add(r.name()));
    return names;
  }

  /** Every row as its values joined by '|', sorted. */
  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(rs.getString(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String explain(String sql) throws SQLException {
    try (ResultSet rs = pushing.createStatement().executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The filters of the Runs requests since the last reset, in order. */
  private static List<JsonNode> runsFilters() throws Exception {
    List<JsonNode> filters = new ArrayList<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if ("Runs".equals(request.operationName())) {
        filters.add(JSON.readTree(request.variables().get("filters").asText()));
      }
    }
    return filters;
  }

  /** The ids of a {@code {"name": {"$in": [...]}}} filter (no others may be in it). */
  private static Set<String> runIds(JsonNode filter) {
    assertEquals(1, filter.size(), filter.toString());
    Set<String> ids = new HashSet<>();
    filter.get("name").get("$in").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
