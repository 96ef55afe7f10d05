package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL the driver cannot or must not run gets a clear error (before any W&B request where it can),
 * and odd but valid SQL gets the right answer. URL and property errors are in {@link
 * ConnectionConfigParserTest}; generated hostile literals in {@code
 * calcite.HostileLiteralsFuzzTest}.
 */
class BadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WandbEmulator emulator;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(4).withRunsPerProject(30)));
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
    query("SELECT run_id FROM runs LIMIT 1");
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO runs (run_id) VALUES ('x')",
        "update runs set state = 'x'",
        "DELETE FROM runs WHERE run_id = 'x'",
        "MERGE INTO runs USING (VALUES 1) ON TRUE WHEN MATCHED THEN UPDATE SET state = 'x'",
        "CREATE TABLE t (a INT)",
        "DROP TABLE runs",
        "ALTER TABLE runs ADD c INT",
        "TRUNCATE TABLE runs",
        "/* a note */ (-- why not\n  INSERT INTO runs SELECT * FROM runs)"
      })
  void writesAreRefusedAsReadOnlyBeforeAnyRequest(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertReadOnly(() -> statement.executeQuery(sql));
      assertReadOnly(() -> statement.execute(sql));
      assertReadOnly(() -> statement.executeUpdate(sql));
      assertReadOnly(
          () -> {
            statement.addBatch(sql);
            statement.executeBatch();
          });
    }
    assertReadOnly(() -> connection.prepareStatement(sql));
    assertReadOnly(
        () ->
            connection.prepareStatement(
                sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
    assertEquals(0, emulator.stats().requests());
  }

  @Test
  void aQueryThatOnlyMentionsAWriteRuns() throws SQLException {
    List<List<String>> rows =
        query("-- DELETE FROM runs\nSELECT COUNT(*) AS \"delete\" FROM runs WHERE state <> 'DROP'");
    assertEquals(List.of(List.of("30")), rows);
  }

  @Test
  void aQuestionMarkInAPlainStatementIsAnErrorNotAnEmptyAnswer() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> statement.executeQuery("SELECT run_id FROM runs WHERE run_id = ?"));
      assertEquals("07001", e.getSQLState());
      assertTrue(e.getMessage().contains("use a PreparedStatement"), e.getMessage());
      // EXPLAIN runs nothing: its plan may show the parameter.
      try (ResultSet plan =
          statement.executeQuery("EXPLAIN PLAN FOR SELECT run_id FROM runs WHERE run_id = ?")) {
        assertTrue(plan.next());
      }
    }
    assertEquals(0, emulator.stats().requests());
  }

  @Test
  void anUnboundPreparedParameterIsAnError() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT run_id FROM runs WHERE run_id = ?")) {
      SQLException e = assertThrows(SQLException.class, statement::executeQuery);
      assertEquals("07001", e.getSQLState());
      assertTrue(e.getMessage().contains("Parameter 1 of 1 is not set"), e.getMessage());
    }
    assertEquals(0, emulator.stats().requests());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "SELEC run_id FROM runs|Expected SELECT at line 1, column 1, found \"SELEC\"",
        "SELECT run_id FROM runs WHERE|Encountered \"<EOF>\"",
        "SELECT run_id FROM runs WHERE state = 'open|Encountered",
        "SELECT nope FROM runs|Column 'nope' not found in any table",
        "SELECT * FROM nope|Object 'nope' not found",
        "SELECT * FROM nope.runs|Object 'nope' not found",
        "SELECT \"config.a\"\"b\" FROM runs|Column 'config.a\"b' not found in any table",
        "SELECT * FROM \"de\"\"mo\".runs|Object 'de\"mo' not found",
        "SELECT \"{\"\"$ne\"\": 1}\" FROM runs|Column '{\"$ne\": 1}' not found in any table",
        "SELECT run_id FROM runs WHERE \"summary.acc\" > 'x'|cannot be converted"
      })
  void badSqlFailsNamingTheProblemBeforeAnyRequest(String sql, String expected) {
    SQLException e = assertThrows(SQLException.class, () -> query(sql));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(0, emulator.stats().requests());
  }

  @Test
  void injectionShapedAndJsonShapedLiteralsAreJustText() throws SQLException {
    for (String literal :
        List.of(
            "finished' OR '1'='1",
            "{\"$ne\": null}",
            "\"}, {\"state\": 1",
            "\\\"",
            "finished\\",
            ".*",
            "$where")) {
      String quoted = "'" + literal.replace("'", "''") + "'";
      assertEquals(
          List.of(),
          query(
              "SELECT run_id FROM runs WHERE state = "
                  + quoted
                  + " OR display_name IN ("
                  + quoted
                  + ", 'x') OR group_name LIKE "
                  + quoted));
    }
    assertFiltersAreJson();
  }

  @Test
  void anInListOfThousandsOfValuesIsAnswered() throws SQLException {
    List<EmulatedRun> runs = emulator.dataset().project("acme", "demo").orElseThrow().runs();
    Set<String> wanted = new TreeSet<>();
    for (int i = 0; i < runs.size(); i += 2) {
      wanted.add(runs.get(i).name());
    }
    Set<String> got = new TreeSet<>();
    query(inList(wanted, 10_000)).forEach(row -> got.add(row.get(0)));
    assertEquals(wanted, got);
    assertFiltersAreJson();
  }

  /** {@code run_id IN (...)} over {@code wanted} and made-up ids up to {@code size} values. */
  private static String inList(Set<String> wanted, int size) {
    List<String> values = new ArrayList<>();
    wanted.forEach(id -> values.add("'" + id + "'"));
    for (int i = values.size(); i < size; i++) {
      values.add("'missing-" + i + (i % 7 == 0 ? "''\\\"{}" : "") + "'");
    }
    return "SELECT run_id FROM runs WHERE run_id IN (" + String.join(", ", values) + ")";
  }

  private static void assertReadOnly(Executable action) {
    SQLException e = assertThrows(SQLException.class, action);
    assertEquals("25006", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().startsWith("wandb-jdbc is read-only: "), e.getMessage());
  }

  /** Every filter W&B received is one well-formed JSON object. */
  private static void assertFiltersAreJson() {
    List<RecordedRequest> recorded = emulator.stats().recorded();
    assertFalse(recorded.isEmpty());
    for (RecordedRequest request : recorded) {
      String filters = request.variables().path("filters").asText("{}");
      try {
        assertTrue(JSON.readTree(filters).isObject(), filters);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + filters, e);
      }
    }
  }

  private static List<List<String>> query(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
