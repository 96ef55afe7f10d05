package io.github.wandbjdbc.calcite.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
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
import org.junit.jupiter.api.Test;

/**
 * The sort trap: {@code ORDER BY "summary.acc" DESC LIMIT 5} puts runs without the metric first
 * (standard SQL) and reads every run. EXPLAIN says so and names the form that reads a page and a
 * count; {@code descNullsLast=true} makes that form the default for a bare DESC on a discovered
 * column, and on nothing else.
 */
class DescNullsLastTest {
  private static final String TOP_FIVE =
      "SELECT run_id, \"summary.acc\" FROM runs ORDER BY \"summary.acc\" DESC, run_id LIMIT 5";

  private static WandbEmulator emulator;
  private static Connection standard;
  private static Connection nullsLast;
  private static Connection nullsLastLocal;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(5)
                    .withRunsPerProject(2_000)
                    .withHistorySteps(3)
                    .withEventsPerRun(1)));
    standard = connect("");
    nullsLast = connect(";descNullsLast=true");
    nullsLastLocal = connect(";descNullsLast=true;pushdown=false");
  }

  private static Connection connect(String properties) throws SQLException {
    Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo") + properties);
    connection.getMetaData().getColumns(null, "demo", "runs", null).close();
    return connection;
  }

  @AfterAll
  static void stop() throws SQLException {
    standard.close();
    nullsLast.close();
    nullsLastLocal.close();
    emulator.close();
  }

  @Test
  void byDefaultDescPutsNullsFirstReadsEveryRunAndExplainSaysSo() throws SQLException {
    emulator.stats().reset();
    List<String> rows = rows(standard, TOP_FIVE);
    assertEquals(Map.of("Runs", 2L), emulator.stats().operations(), "2,000 runs, 1,000 a page");
    assertTrue(rows.stream().allMatch(r -> r.endsWith(",null")), rows.toString());
    String plan = explain(standard, TOP_FIVE);
    assertTrue(
        plan.contains(
            "RunsTableScan(table=[[demo, runs]], hint=[DESC puts NULLs first, which reads the"
                + " whole listing; ORDER BY \"summary.acc\" DESC NULLS LAST (or"
                + " descNullsLast=true) usually takes 2 requests])"),
        plan);
  }

  @Test
  void descNullsLastReadsAPageAndACountAndGivesTheNullsLastRows() throws SQLException {
    String written = TOP_FIVE.replace("DESC,", "DESC NULLS LAST,");
    List<String> expected = rows(nullsLastLocal, written);
    assertFalse(expected.get(0).endsWith(",null"), expected.toString());
    emulator.stats().reset();
    assertEquals(expected, rows(nullsLast, TOP_FIVE));
    assertEquals(Map.of("Runs", 1L, "RunCounts", 1L), emulator.stats().operations());
    assertEquals(expected, rows(nullsLastLocal, TOP_FIVE), "pushdown=false places them alike");
    String plan = explain(nullsLast, TOP_FIVE);
    assertTrue(plan.contains("in summary.acc DESC NULLS LAST, run_id ASC NULLS LAST"), plan);
    assertFalse(plan.contains("hint="), plan);
  }

  @Test
  void explicitNullsFirstIsHonouredAndExplainNamesTheCheaperForm() throws SQLException {
    String sql = TOP_FIVE.replace("DESC,", "DESC NULLS FIRST,");
    List<String> rows = rows(nullsLast, sql);
    assertEquals(rows(standard, TOP_FIVE), rows);
    assertTrue(rows.stream().allMatch(r -> r.endsWith(",null")), rows.toString());
    String plan = explain(nullsLast, sql.replace("DESC", "ASC"));
    assertTrue(
        plan.contains(
            "hint=[NULLS FIRST reads the whole listing; ORDER BY \"summary.acc\" ASC NULLS LAST"
                + " usually takes 2 requests]"),
        plan);
  }

  @Test
  void explainHintsOnlyWhereNullsLastWouldReadLess() throws SQLException {
    for (String sql :
        List.of(
            "SELECT run_id FROM runs ORDER BY \"summary.acc\" DESC",
            "SELECT run_id FROM runs ORDER BY heartbeat_at DESC LIMIT 5",
            "SELECT run_id FROM runs ORDER BY \"summary.acc\" * 2 DESC LIMIT 5",
            "SELECT run_id FROM runs ORDER BY run_id, \"summary.acc\" DESC LIMIT 5",
            "SELECT * FROM (SELECT run_id, \"summary.acc\" FROM runs LIMIT 100)"
                + " ORDER BY 2 DESC LIMIT 5")) {
      String plan = explain(standard, sql);
      assertFalse(plan.contains("hint="), plan);
    }
    String plan = explain(nullsLastLocal, TOP_FIVE.replace("DESC,", "DESC NULLS FIRST,"));
    assertFalse(plan.contains("hint="), "pushdown=false reads every run anyway: " + plan);
  }

  @Test
  void explainShowsTheEffectiveOrderOfALocalSort() throws SQLException {
    String sql = "SELECT run_id, \"summary.acc\" FROM runs ORDER BY \"summary.acc\" DESC";
    String plan = explain(nullsLast, sql);
    assertTrue(plan.contains("dir0=[DESC-nulls-last]"), plan);
    plan = explain(standard, sql);
    assertTrue(plan.contains("dir0=[DESC]"), plan);
  }

  @Test
  void aSubqueryAnAliasAPositionOrAJoinStillNamesTheColumn() throws SQLException {
    String sql =
        "SELECT * FROM (SELECT run_id, \"summary.acc\" AS acc FROM runs WHERE state = 'finished')"
            + " ORDER BY 2 DESC, 1 LIMIT 3";
    List<String> rows = rows(nullsLast, sql);
    assertEquals(rows(nullsLastLocal, sql.replace("2 DESC", "acc DESC NULLS LAST")), rows);
    assertFalse(rows.get(0).endsWith(",null"), rows.toString());
    String joined =
        "SELECT a.run_id, b.\"summary.acc\" FROM runs a JOIN runs b ON a.run_id = b.run_id"
            + " ORDER BY b.\"summary.acc\" DESC, 1 LIMIT 3";
    assertEquals(
        rows(nullsLastLocal, joined.replace("DESC", "DESC NULLS LAST")), rows(nullsLast, joined));
  }

  @Test
  void otherColumnsAndExpressionsKeepStandardSql() throws SQLException {
    for (String sql :
        List.of(
            "SELECT run_id, \"summary.acc\" * 2 FROM runs ORDER BY 2 DESC, 1 LIMIT 5",
            "SELECT run_id, heartbeat_at FROM runs ORDER BY heartbeat_at DESC, run_id LIMIT 5",
            "SELECT run_id, \"summary.acc\" FROM runs ORDER BY \"summary.acc\", run_id LIMIT 5",
            "SELECT run_id, RANK() OVER (ORDER BY \"summary.acc\" DESC) FROM runs"
                + " ORDER BY 2, 1 LIMIT 5")) {
      assertEquals(rows(standard, sql), rows(nullsLast, sql), sql);
    }
    List<String> derived =
        rows(nullsLast, "SELECT run_id, \"summary.acc\" * 2 FROM runs ORDER BY 2 DESC LIMIT 1");
    assertTrue(derived.get(0).endsWith(",null"), "an expression is not the column: " + derived);
  }

  @Test
  void aBadValueFailsNamingTheProperty() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(emulator.jdbcUrl("demo") + ";descNullsLast=yes"));
    assertTrue(
        e.getMessage().startsWith("Property 'descNullsLast' must be true or false; got 'yes'"),
        e.getMessage());
    assertEquals("08001", e.getSQLState());
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "," + rs.getString(2));
      }
    }
    return rows;
  }

  private static String explain(Connection connection, String sql) throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("EXPLAIN PLAN FOR " + sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }
}
