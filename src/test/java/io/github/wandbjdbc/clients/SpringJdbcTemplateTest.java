package io.github.wandbjdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A JVM program using the driver through Spring's {@link JdbcTemplate}: prepared statements with
 * bound strings, timestamps and numbers, row mappers, a COUNT, statement settings and error
 * translation, each checked against the emulator's dataset and the requests it received.
 */
class SpringJdbcTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WandbEmulator emulator;
  private static SingleConnectionDataSource dataSource;
  private static List<EmulatedRun> demo;
  private JdbcTemplate jdbc;

  /** A row of the mapped query. */
  private record RunScore(String runId, String optimizer, double lr, Double accuracy) {}

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(31).withRunsPerProject(300)));
    demo = emulator.dataset().project("acme", "demo").orElseThrow().runs();
    // One connection for the whole class, so connecting and column discovery are not counted.
    dataSource = new SingleConnectionDataSource(emulator.jdbcUrl("demo"), true);
    dataSource.getConnection().getMetaData().getColumns(null, "demo", "runs", null).close();
  }

  @AfterAll
  static void stop() {
    dataSource.destroy();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    jdbc = new JdbcTemplate(dataSource);
    emulator.stats().reset();
  }

  @Test
  void stringAndTimestampParametersArePushedAndRowsMatch() throws Exception {
    Instant since = sortedCreatedAt().get(demo.size() / 2);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT run_id, state, created_at FROM runs WHERE state = ? AND created_at >= ?"
                + " ORDER BY run_id",
            "finished",
            Timestamp.from(since));
    List<String> expected =
        names(r -> "finished".equals(r.state()) && !r.createdAt().isBefore(since));
    assertTrue(expected.size() > 5, "too few runs to tell: " + expected);
    assertEquals(expected, rows.stream().map(r -> (String) r.get("run_id")).toList());
    assertTrue(
        rows.stream()
            .allMatch(
                r ->
                    "finished".equals(r.get("state"))
                        && !((Timestamp) r.get("created_at")).toInstant().isBefore(since)));
    JsonNode filter = onlyRunsFilter();
    assertEquals("finished", filter.get("state").asText(), filter.toString());
    // The bound is widened to whole seconds (W&B compares seconds); Calcite re-checks it.
    Instant bound = Instant.parse(filter.get("created_at").get("$gte").asText() + "Z");
    assertTrue(!bound.isAfter(since) && bound.isAfter(since.minusSeconds(2)), filter.toString());
    assertEquals(2, filter.size(), filter.toString());
  }

  @Test
  void numericParametersAndARowMapper() throws Exception {
    List<RunScore> scores =
        jdbc.query(
            "SELECT run_id, \"config.optimizer\", \"config.lr\", \"summary.acc\" FROM runs"
                + " WHERE \"config.lr\" >= ? AND \"config.epochs\" > ? AND \"config.optimizer\" = ?"
                + " ORDER BY run_id",
            (rs, i) ->
                new RunScore(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDouble(3),
                    rs.getObject(4) == null ? null : rs.getDouble(4)),
            0.001,
            10,
            "adam");
    List<RunScore> expected =
        demo.stream()
            .filter(
                r ->
                    config(r, "lr").isNumber()
                        && config(r, "lr").asDouble() >= 0.001
                        && config(r, "epochs").isIntegralNumber()
                        && config(r, "epochs").asLong() > 10
                        && "adam".equals(config(r, "optimizer").textValue()))
            .map(
                r ->
                    new RunScore(
                        r.name(),
                        "adam",
                        config(r, "lr").asDouble(),
                        r.summary().path("acc").isNumber()
                            ? r.summary().get("acc").asDouble()
                            : null))
            .sorted(Comparator.comparing(RunScore::runId))
            .toList();
    assertTrue(expected.size() > 5, "too few runs to tell: " + expected);
    assertEquals(expected, scores);
    // Numbers bound as Double and Integer reach W&B as JSON numbers; the filter is a superset
    // (a run may hold another type under the key), re-checked locally.
    assertEquals(
        JSON.readTree(
            "{\"config.lr\":{\"$gte\":0.001},\"config.epochs\":{\"$gt\":10},"
                + "\"config.optimizer\":\"adam\"}"),
        onlyRunsFilter());
  }

  @Test
  void countIsOneRunCountRequest() throws Exception {
    Long count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM runs WHERE state IN (?, ?)", Long.class, "finished", "crashed");
    assertEquals(
        names(r -> "finished".equals(r.state()) || "crashed".equals(r.state())).size(),
        count.intValue());
    assertEquals(Map.of("RunCount", 1L), emulator.stats().operations());
    assertEquals(
        JSON.readTree("{\"$or\":[{\"state\":\"finished\"},{\"state\":\"crashed\"}]}"),
        filtersOf(emulator.stats().recorded().get(0)));
  }

  /** Spring reads java.time and other non-primitive classes through getObject(column, Class). */
  @Test
  void singleColumnRowMapperReadsJavaTimeClasses() {
    EmulatedRun run = demo.get(0);
    String sql = "SELECT created_at FROM runs WHERE run_id = ?";
    assertEquals(
        run.createdAt().atOffset(ZoneOffset.UTC),
        jdbc.queryForObject(sql, OffsetDateTime.class, run.name()));
    assertEquals(
        LocalDateTime.ofInstant(run.createdAt(), ZoneOffset.UTC),
        jdbc.queryForObject(sql, LocalDateTime.class, run.name()));
    assertEquals(run.createdAt(), jdbc.queryForObject(sql, Instant.class, run.name()));
  }

  @Test
  void maxRowsAndFetchSizeOfTheTemplateReachTheDriver() {
    jdbc.setMaxRows(5);
    jdbc.setFetchSize(50);
    jdbc.setQueryTimeout(30);
    List<String> ids =
        jdbc.queryForList(
            "SELECT run_id FROM runs WHERE state <> ?", String.class, "no-such-state");
    assertEquals(sortedByCreation().subList(0, 5), ids);
    assertEquals(Map.of("Runs", 1L), emulator.stats().operations());
  }

  @Test
  void errorsBecomeDataAccessExceptionsWithTheDriversReason() {
    DataAccessException unknownColumn =
        assertThrows(
            DataAccessException.class,
            () -> jdbc.queryForList("SELECT no_such_column FROM runs WHERE state = ?", "finished"));
    // SQLState 42S22 lets Spring classify it; the driver's reason is the cause's message.
    assertInstanceOf(BadSqlGrammarException.class, unknownColumn);
    assertTrue(
        unknownColumn
            .getMostSpecificCause()
            .getMessage()
            .contains("Column 'no_such_column' not found"),
        unknownColumn.getMostSpecificCause().getMessage());
    DataAccessException update =
        assertThrows(
            DataAccessException.class, () -> jdbc.update("DELETE FROM runs WHERE run_id = ?", "x"));
    assertInstanceOf(SQLException.class, update.getCause());
    assertTrue(
        update.getMessage().contains("wandb-jdbc is read-only: DELETE is not supported"),
        update.getMessage());
    assertEquals(Map.of(), emulator.stats().operations());
  }

  /** The filters of the one W&B request the last query made, which must be a Runs listing. */
  private static JsonNode onlyRunsFilter() throws Exception {
    List<RecordedRequest> requests = emulator.stats().recorded();
    assertEquals(1, requests.size(), requests.toString());
    assertEquals("Runs", requests.get(0).operationName());
    return filtersOf(requests.get(0));
  }

  private static JsonNode filtersOf(RecordedRequest request) throws Exception {
    return JSON.readTree(request.variables().get("filters").asText());
  }

  /** A config value as W&B stores it, unwrapped from {"value": v}. */
  private static JsonNode config(EmulatedRun run, String key) {
    return run.config().path(key).path("value");
  }

  private static List<String> names(Predicate<EmulatedRun> filter) {
    return demo.stream().filter(filter).map(EmulatedRun::name).sorted().toList();
  }

  private static List<Instant> sortedCreatedAt() {
    return demo.stream().map(EmulatedRun::createdAt).sorted().toList();
  }

  private static List<String> sortedByCreation() {
    return demo.stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name))
        .map(EmulatedRun::name)
        .toList();
  }
}
