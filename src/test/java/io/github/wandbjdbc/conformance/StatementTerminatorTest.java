package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.cli.WandbSql;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, item 4: one trailing {@code ;}, with blanks and comments after it, is accepted by
 * {@code Statement}, {@code PreparedStatement}, EXPLAIN and {@code bin/wandb-sql -e}; a {@code ;}
 * inside a literal, identifier or comment is no terminator; a second statement is a syntax error
 * (42000) saying where, not Calcite's list of expected tokens.
 */
class StatementTerminatorTest {
  private static WandbEmulator emulator;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(3).withRunsPerProject(10)));
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 'ok' AS x;",
        "SELECT 'ok' AS x ;  \n\t ",
        "SELECT 'ok' AS x; -- the end",
        "SELECT 'ok' AS x; /* the end */",
        "SELECT 'ok' AS x;\n// the end\n",
        "SELECT 'ok' AS x; -- one\n/* two */ -- three",
        "-- first; comment\nSELECT /* ; */ 'ok' AS x -- ;\n;",
        "SELECT 'ok' AS \"x;\";"
      })
  void aTrailingTerminatorIsAccepted(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertEquals(List.of("ok"), column(statement.executeQuery(sql)));
      assertTrue(statement.execute(sql));
      assertEquals(List.of("ok"), column(statement.getResultSet()));
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      assertEquals(List.of("ok"), column(statement.executeQuery()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT ';' AS x;", "SELECT 'a'';' AS x;", "SELECT E'\\';' AS x;"})
  void aSemicolonInALiteralIsText(String sql) throws SQLException {
    String expected = sql.contains("''") ? "a';" : sql.contains("E'") ? "';" : ";";
    try (Statement statement = connection.createStatement()) {
      assertEquals(List.of(expected), column(statement.executeQuery(sql)));
    }
  }

  @Test
  void preparedStatementsWithParametersAcceptIt() throws SQLException {
    String sql = "SELECT display_name FROM runs WHERE state = ? ORDER BY display_name LIMIT 1;";
    List<String> expected;
    try (Statement statement = connection.createStatement()) {
      expected =
          column(
              statement.executeQuery(
                  "SELECT display_name FROM runs WHERE state = 'finished' "
                      + "ORDER BY display_name LIMIT 1"));
    }
    assertEquals(1, expected.size());
    try (PreparedStatement statement =
        connection.prepareStatement(
            sql,
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY,
            ResultSet.HOLD_CURSORS_OVER_COMMIT)) {
      statement.setString(1, "finished");
      assertEquals(expected, column(statement.executeQuery()));
    }
  }

  @Test
  void explainAcceptsIt() throws SQLException {
    String sql = "EXPLAIN PLAN FOR SELECT run_id FROM runs WHERE state = 'crashed'; -- why";
    try (Statement statement = connection.createStatement()) {
      String plan = column(statement.executeQuery(sql)).get(0);
      assertTrue(plan.contains("{\"state\":\"crashed\"}"), plan);
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      String plan = column(statement.executeQuery()).get(0);
      assertTrue(plan.contains("{\"state\":\"crashed\"}"), plan);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1; SELECT 2",
        "SELECT 1;;",
        "SELECT 1; 'x'",
        "SELECT 1;\nSELECT 2;",
        "SELECT 1; -- a comment\nSELECT 2"
      })
  void aSecondStatementIsASyntaxErrorSayingWhere(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SQLSyntaxErrorException e =
          assertThrows(SQLSyntaxErrorException.class, () -> statement.executeQuery(sql));
      assertEquals("42000", e.getSQLState());
      assertEquals(
          "More than one SQL statement: the ';' at line 1, column 9 is followed by more SQL. A JDBC"
              + " statement runs one SQL statement (a trailing ';' is fine); execute each"
              + " statement on its own.",
          e.getMessage());
    }
    SQLException prepared =
        assertThrows(SQLSyntaxErrorException.class, () -> connection.prepareStatement(sql));
    assertEquals("42000", prepared.getSQLState());
  }

  @Test
  void theCommandLineAcceptsItAndPrintsOneLineForASecondStatement() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String url = emulator.jdbcUrl("demo");
    assertEquals(
        0,
        cli(new String[] {"--url", url, "-e", "SELECT 1 AS n; -- done"}, out, err),
        () -> err.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("n", "1"), out.toString(StandardCharsets.UTF_8).lines().toList());
    assertEquals("", err.toString(StandardCharsets.UTF_8));

    out.reset();
    assertEquals(1, cli(new String[] {"--url", url, "-e", "SELECT 1; SELECT 2"}, out, err));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("error: More than one SQL statement"), lines.get(0));
  }

  private static int cli(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err)
      throws Exception {
    return WandbSql.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static List<String> column(ResultSet rows) throws SQLException {
    try (rows) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }
}
