package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.cli.WandbSql;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every SQLException a query can raise carries a standard SQLState, and its message states the
 * problem once, short, with the position where the parser or validator knows it.
 */
class SqlStatesTest {
  private static WandbEmulator emulator;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(4).withRunsPerProject(10)));
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    emulator.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "SELEC 1                                                    | 42000 | line 1, column 1",
        "SELECT * FROM runs FETCH                                   | 42000 | line 1, column 24",
        "SELECT * FROM nope                                         | 42S02 | 'nope' not found",
        "SELECT * FROM nope.runs                                    | 42S02 | 'nope' not found",
        "SELECT nope FROM runs                                      | 42S22 | Column 'nope'",
        "SELECT run_id FROM runs WHERE \"summary.acc\" > 'x'        | 22018 | \"x\"",
        "SELECT CAST(run_id AS INTEGER) FROM runs                   | 22018 | converted",
        "SELECT run_id FROM runs WHERE run_id = 1 + TRUE            | 42000 | line 1, column 40",
        "SELECT 1/0                                                 | 22012 | Division by zero",
        "EXPLAIN PLAN FOR INSERT INTO runs (run_id) VALUES ('x')    | 25006 | read-only",
        "INSERT INTO runs (run_id) VALUES ('x')                     | 25006 | read-only",
        "SELECT run_id FROM runs WHERE run_id = ?                   | 07001 | PreparedStatement",
      })
  void statementErrors(String sql, String sqlState, String mentioned) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertError(sqlState, mentioned, () -> statement.executeQuery(sql).next());
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "SELEC 1                                                    | 42000 | line 1, column 1",
        "SELECT * FROM nope                                         | 42S02 | 'nope' not found",
        "SELECT nope FROM runs                                      | 42S22 | Column 'nope'",
        "SELECT 1/0                                                 | 22012 | Division by zero",
        "EXPLAIN PLAN FOR DELETE FROM runs                          | 25006 | read-only",
      })
  void prepareErrors(String sql, String sqlState, String mentioned) {
    assertError(
        sqlState,
        mentioned,
        () -> {
          try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            prepared.executeQuery().next();
          }
        });
  }

  @Test
  void unboundParameterIsNamedOnce() throws SQLException {
    try (PreparedStatement prepared =
        connection.prepareStatement("SELECT run_id FROM runs WHERE run_id = ? OR state = ?")) {
      prepared.setString(1, "x");
      SQLException e = assertError("07001", "Parameter 2 of 2", prepared::executeQuery);
      assertFalse(e.getMessage().contains("exception while executing query"), e.getMessage());
    }
  }

  @Test
  void aSyntaxErrorListsOnlyAFewExpectedTokens() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SQLException e =
          assertError("42000", "Expected one of", () -> statement.executeQuery("SELECT"));
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
  }

  @Test
  void closedObjects() throws SQLException {
    Connection closed = DriverManager.getConnection(emulator.jdbcUrl("demo"));
    Statement statement = closed.createStatement();
    ResultSet rows = statement.executeQuery("SELECT run_id FROM runs");
    rows.close();
    assertError("08003", "closed", rows::next);
    PreparedStatement prepared = closed.prepareStatement("SELECT run_id FROM runs");
    statement.close();
    prepared.close();
    assertError("08003", "statement is closed", () -> statement.executeQuery("SELECT 1"));
    assertError("08003", "statement is closed", prepared::executeQuery);
    closed.close();
    assertError("08003", "closed", closed::createStatement);
    assertError("08003", "closed", () -> closed.prepareStatement("SELECT 1"));
  }

  @Test
  void theCommandLinePrintsOneLinePerError() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        WandbSql.execute(
            emulator.jdbcUrl("demo"),
            "SELECT * FROM runs WHERE",
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status);
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.startsWith("error: Encountered \"<EOF>\" at line 1, column 24"), text);
    assertTrue(text.strip().endsWith("[SQLState 42000]"), text);
    assertFalse(text.contains("caused by"), text);
  }

  @Test
  void timedOut() throws SQLException {
    emulator.beforeEachRequest(request -> pause(Duration.ofSeconds(3)));
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      assertError("HYT00", "timeout", () -> statement.executeQuery("SELECT * FROM runs").next());
    } finally {
      emulator.beforeEachRequest(null);
    }
  }

  @Test
  void canceled() throws Exception {
    CountDownLatch sent = new CountDownLatch(1);
    emulator.beforeEachRequest(
        request -> {
          sent.countDown();
          pause(Duration.ofSeconds(3));
        });
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try (Statement statement = connection.createStatement()) {
      Future<?> scan = worker.submit(() -> statement.executeQuery("SELECT * FROM runs").next());
      assertTrue(sent.await(10, TimeUnit.SECONDS));
      statement.cancel();
      ExecutionException e = assertThrows(ExecutionException.class, scan::get);
      SQLException canceled = assertInstanceOf(SQLException.class, e.getCause());
      assertEquals("57014", canceled.getSQLState(), canceled.getMessage());
      assertTrue(canceled.getMessage().length() < 2000);
    } finally {
      emulator.beforeEachRequest(null);
      worker.shutdownNow();
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asserts the SQLState, that the message names {@code mentioned}, and that it is short. */
  private static SQLException assertError(String sqlState, String mentioned, Executable call) {
    SQLException e = assertThrows(SQLException.class, call);
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(mentioned.strip()), e.getMessage());
    assertTrue(e.getMessage().length() < 2000, "message of " + e.getMessage().length());
    return e;
  }
}
