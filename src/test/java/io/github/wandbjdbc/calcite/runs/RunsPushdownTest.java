package io.github.wandbjdbc.calcite.runs;

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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each pushdown asserted three ways, as DESIGN §7 asks: the rows, the plan, and the request the
 * emulator received; each with a variant that is not pushed, to prove the fallback.
 */
class RunsPushdownTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WandbEmulator emulator;
  private static List<EmulatedRun> demo;

  /** One connection, so the one-off column discovery request is not counted in each test. */
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(11).withRunsPerProject(30)));
    demo = emulator.dataset().project("acme", "demo").orElseThrow().runs();
    connection = connect("");
    connection.getMetaData().getColumns(null, "demo", "runs", null).close();
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    emulator.close();
  }

  @BeforeEach
  void resetCounters() {
    emulator.stats().reset();
  }

  @Test
  void equalityOnAFixedColumnIsFilteredByWandbAlone() throws Exception {
    String sql = "SELECT run_id FROM runs WHERE state = 'finished'";
    assertEquals(names(r -> "finished".equals(r.state())), sorted(column(sql)));
    assertEquals(json("{\"state\":\"finished\"}"), onlyRunsRequest().get("filters"));
    String plan = explain(sql);
    assertTrue(plan.contains("filters={\"state\":\"finished\"}"), plan);
    assertFalse(plan.contains("$condition"), plan);
  }

  @Test
  void aPredicateWandbCannotExpressStaysLocal() throws Exception {
    String sql = "SELECT run_id FROM runs WHERE UPPER(state) = 'FINISHED'";
    assertEquals(names(r -> "finished".equals(r.state())), sorted(column(sql)));
    assertEquals(json("{}"), onlyRunsRequest().get("filters"));
    assertTrue(explain(sql).contains("$condition"));
  }

  @Test
  void notEqualIsASupersetRecheckedLocally() throws Exception {
    String sql = "SELECT run_id FROM runs WHERE state <> 'finished'";
    assertEquals(
        names(r -> r.state() != null && !"finished".equals(r.state())), sorted(column(sql)));
    assertEquals(json("{\"state\":{\"$ne\":\"finished\"}}"), onlyRunsRequest().get("filters"));
    assertTrue(explain(sql).contains("$condition"), "the predicate must stay above the scan");
  }

  @Test
  void limitUnderAnExactFilterBecomesThePageSize() throws Exception {
    List<String> rows = column("SELECT run_id FROM runs WHERE state = 'finished' LIMIT 3");
    assertEquals(3, rows.size());
    assertTrue(names(r -> "finished".equals(r.state())).containsAll(rows));
    JsonNode variables = onlyRunsRequest();
    assertEquals(3, variables.get("perPage").asInt());
    assertEquals(1, emulator.stats().operations().get("Runs"));
  }

  @Test
  void pagesFollowRowWidth() throws Exception {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.setFetchSize(0); // no row goal: the first page is a full one
      rows(statement.executeQuery("SELECT run_id, state FROM runs"));
      assertEquals(1000, onlyRunsRequest().get("perPage").asInt());
      emulator.stats().reset();
      rows(statement.executeQuery("SELECT run_id, config FROM runs"));
      assertEquals(200, onlyRunsRequest().get("perPage").asInt());
    }
  }

  @Test
  void limitOverALocalFilterIsNotSentToWandb() throws Exception {
    List<String> rows = column("SELECT run_id FROM runs WHERE display_name LIKE '%a%' LIMIT 2");
    assertEquals(2, rows.size());
    assertTrue(runsRequests().stream().noneMatch(v -> v.get("perPage").asInt() == 2));
  }

  @Test
  void orderByCreationWithLimitAndOffsetIsOneRequest() throws Exception {
    String sql = "SELECT run_id FROM runs ORDER BY created_at DESC LIMIT 5 OFFSET 2";
    List<String> expected =
        demo.stream()
            .sorted(Comparator.comparing(EmulatedRun::createdAt).reversed())
            .skip(2)
            .limit(5)
            .map(EmulatedRun::name)
            .toList();
    assertEquals(expected, column(sql));
    JsonNode variables = onlyRunsRequest();
    assertEquals("-created_at", variables.get("order").asText());
    assertEquals(7, variables.get("perPage").asInt());
    assertTrue(explain(sql).contains("order=-created_at, limit=7"));
  }

  @Test
  void countIsAnsweredByRunCountWithoutRunPayload() throws Exception {
    assertEquals(
        List.of(
            String.valueOf(
                demo.stream()
                    .filter(r -> "finished".equals(r.state()) || "crashed".equals(r.state()))
                    .count())),
        column("SELECT COUNT(*) FROM runs WHERE state IN ('finished', 'crashed')"));
    assertEquals(1, emulator.stats().operations().get("RunCount"));
    assertFalse(emulator.stats().operations().containsKey("Runs"));
  }

  @Test
  void countOverALocalFilterCountsListedRuns() throws Exception {
    long expected =
        demo.stream()
            .filter(r -> r.displayName() != null && r.displayName().startsWith("b"))
            .count();
    assertEquals(
        List.of(String.valueOf(expected)),
        column("SELECT COUNT(*) FROM runs WHERE display_name LIKE 'b%'"));
    assertFalse(emulator.stats().operations().containsKey("RunCount"));
  }

  @Test
  void aConfigKeyWithADotIsNeverPushed() throws Exception {
    String sql = "SELECT run_id FROM runs WHERE \"config.data.path\" LIKE '/data/%'";
    assertEquals(demo.size(), column(sql).size());
    assertEquals(json("{}"), onlyRunsRequest().get("filters"));
  }

  @Test
  void preparedParametersAreBoundAtExecution() throws Exception {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT run_id FROM runs WHERE state = ?")) {
      for (String state : List.of("finished", "crashed")) {
        emulator.stats().reset();
        ps.setString(1, state);
        assertEquals(names(r -> state.equals(r.state())), sorted(rows(ps.executeQuery())));
        assertEquals(json("{\"state\":\"" + state + "\"}"), onlyRunsRequest().get("filters"));
      }
    }
  }

  /**
   * One plan, two executions: each sends the filter of its own values, a slot of each kind (value,
   * widened timestamp bound, LIKE pattern) built into a plain W&B document, never a {@code $slot}.
   */
  @Test
  void eachExecutionOfAPreparedStatementSendsItsOwnValues() throws Exception {
    String sql =
        "SELECT run_id FROM runs WHERE state = ? AND created_at >= ? AND display_name LIKE ?";
    Instant first = demo.stream().map(EmulatedRun::createdAt).min(Comparator.naturalOrder()).get();
    Instant middle = demo.get(demo.size() / 2).createdAt().truncatedTo(ChronoUnit.SECONDS);
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, "finished");
      ps.setTimestamp(2, Timestamp.from(first.truncatedTo(ChronoUnit.SECONDS)));
      ps.setString(3, "%a%");
      List<String> finished =
          names(r -> "finished".equals(r.state()) && r.displayName().contains("a"));
      assertFalse(finished.isEmpty());
      assertEquals(finished, sorted(rows(ps.executeQuery())));
      assertSentWithoutSlots(
          "{\"state\":\"finished\",\"created_at\":{\"$gte\":\""
              + secondBefore(first.truncatedTo(ChronoUnit.SECONDS))
              + "\"},\"display_name\":{\"$regex\":\"(?s)^.*a.*\\\\z\"}}");

      emulator.stats().reset();
      ps.setString(1, "crashed");
      ps.setTimestamp(2, Timestamp.from(middle));
      ps.setString(3, "b%");
      assertEquals(
          names(
              r ->
                  "crashed".equals(r.state())
                      && !r.createdAt().isBefore(middle)
                      && r.displayName().startsWith("b")),
          sorted(rows(ps.executeQuery())));
      assertSentWithoutSlots(
          "{\"state\":\"crashed\",\"created_at\":{\"$gte\":\""
              + secondBefore(middle)
              + "\"},\"display_name\":{\"$regex\":\"(?s)^b.*\\\\z\"}}");
    }
  }

  /** The one Runs request carried exactly {@code filters}, with no {@code $slot} in its text. */
  private static void assertSentWithoutSlots(String filters) throws Exception {
    JsonNode sent = onlyRunsRequest().get("filters");
    assertEquals(json(filters), sent);
    assertFalse(sent.toString().contains("$slot"), sent.toString());
  }

  /** A {@code >=} bound as W&B gets it: a whole second earlier, UTC, without an offset. */
  private static String secondBefore(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
        .withZone(ZoneOffset.UTC)
        .format(instant.minusSeconds(1));
  }

  @Test
  void pushdownFalseSendsNoFilterButGivesTheSameRows() throws Exception {
    String sql = "SELECT run_id FROM runs WHERE state = 'finished'";
    try (Connection c = connect(";pushdown=false")) {
      c.getMetaData().getColumns(null, "demo", "runs", null).close();
      emulator.stats().reset();
      assertEquals(
          names(r -> "finished".equals(r.state())),
          sorted(rows(c.createStatement().executeQuery(sql))));
    }
    assertEquals(json("{}"), onlyRunsRequest().get("filters"));
  }

  @Test
  // "try": the hook is held open for the try block only and never read.
  @SuppressWarnings("try")
  void theRequestIsPublishedOnTheQueryPlanHook() throws Exception {
    List<Object> published = new ArrayList<>();
    // A Consumer, not a lambda returning add's boolean, which would pick the deprecated
    // overload that takes Guava's Function.
    Consumer<Object> publish = published::add;
    try (Hook.Closeable hook = Hook.QUERY_PLAN.addThread(publish)) {
      column("SELECT COUNT(*) FROM runs WHERE state = 'failed'");
    }
    assertEquals(List.of("runCount(filters={\"state\":\"failed\"})"), published);
  }

  private static Double acc(EmulatedRun run) {
    JsonNode value = run.summary().get("acc");
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }

  private static List<String> names(Predicate<EmulatedRun> matching) {
    return demo.stream().filter(matching).map(EmulatedRun::name).sorted().toList();
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }

  private static Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(emulator.jdbcUrl("demo") + extra);
  }

  private static List<String> column(String sql) throws SQLException {
    return rows(connection.createStatement().executeQuery(sql));
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static String explain(String sql) throws SQLException {
    return String.join("\n", column("EXPLAIN PLAN FOR " + sql));
  }

  /** The variables of the Runs requests since the last reset, filters parsed from JSON text. */
  private static List<JsonNode> runsRequests() throws Exception {
    List<JsonNode> variables = new ArrayList<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if ("Runs".equals(request.operationName())) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = request.variables().deepCopy();
        copy.set("filters", JSON.readTree(request.variables().get("filters").asText()));
        variables.add(copy);
      }
    }
    return variables;
  }

  private static JsonNode onlyRunsRequest() throws Exception {
    List<JsonNode> requests = runsRequests();
    assertEquals(1, requests.size(), requests.toString());
    return requests.get(0);
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
