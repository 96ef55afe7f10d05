package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.ExportMode;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code maxRequests}: a statement stops before the W&B request that would cross its budget and
 * fails with 54000; within it, it answers, and {@link StatementCost} tells what it spent.
 */
class RequestBudgetTest {
  /** 300 runs of up to 2,000 steps: a COUNT over their histories takes some 40 requests. */
  private static final EmulatedDataset DATA =
      DatasetGenerator.generate(
          GeneratorSpec.defaults(7).withRunsPerProject(300).withHistorySteps(2000));

  private static WandbEmulator live;
  private static WandbEmulator exported;

  @BeforeAll
  static void start() {
    live = WandbEmulator.start(EmulatorConfig.defaults(), DATA);
    exported =
        WandbEmulator.start(EmulatorConfig.defaults().withExports(ExportMode.FINISHED), DATA);
  }

  @AfterAll
  static void stop() {
    live.close();
    exported.close();
  }

  @Test
  void aCountPastTheBudgetFailsWith54000AndSendsNothingPastIt() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(live.jdbcUrl("demo") + ";maxRequests=10");
        Statement statement = connection.createStatement()) {
      // Planning reads the table's columns once per connection, outside any execution's budget.
      drain(statement.executeQuery("EXPLAIN PLAN FOR SELECT COUNT(*) FROM histories"));
      live.stats().reset();
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> drain(statement.executeQuery("SELECT COUNT(*) FROM histories")));
      assertEquals("54000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("maxRequests=10"), e.getMessage());
      assertTrue(e.getMessage().contains("Narrow the query"), e.getMessage());
      assertEquals(10, statement.unwrap(StatementCost.class).requests());
      // Requests in flight when the budget ran out are aborted, so some may never arrive.
      assertTrue(live.stats().requests() <= 10, "the emulator received " + live.stats().requests());
    }
  }

  @Test
  void fileDownloadsSpendFromTheSameBudget() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(exported.jdbcUrl("demo") + ";maxRequests=6");
        Statement statement = connection.createStatement()) {
      drain(statement.executeQuery("EXPLAIN PLAN FOR SELECT COUNT(*) FROM histories"));
      exported.stats().reset();
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> drain(statement.executeQuery("SELECT COUNT(*) FROM histories")));
      assertEquals("54000", e.getSQLState(), e.getMessage());
      long sent = exported.stats().requests() + exported.stats().files().requests();
      assertTrue(sent <= 6, sent + " GraphQL and file requests reached the emulator");
      assertEquals(6, statement.unwrap(StatementCost.class).requests());
      assertTrue(exported.stats().files().requests() > 0, "no file was read");
    }
  }

  @Test
  void withinTheBudgetAStatementAnswersAndSaysWhatItSpent() throws Exception {
    String sql = "SELECT COUNT(*) FROM runs WHERE state = 'finished'";
    try (Connection connection =
            DriverManager.getConnection(live.jdbcUrl("demo") + ";maxRequests=1");
        Statement statement = connection.createStatement()) {
      // Planning reads the project's columns once per connection, outside any execution's budget.
      drain(statement.executeQuery(sql));
      for (int i = 0; i < 2; i++) { // each execution has a budget of its own
        live.stats().reset();
        drain(statement.executeQuery(sql));
        StatementCost cost = statement.unwrap(StatementCost.class);
        assertEquals(1, cost.requests());
        assertEquals(live.stats().requests(), cost.requests());
        assertEquals(live.stats().bytesOut(), cost.bytes());
      }
    }
  }

  @Test
  void preparedStatementsAreBudgetedToo() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(live.jdbcUrl("demo") + ";maxRequests=3");
        var statement =
            connection.prepareStatement("SELECT COUNT(*) FROM histories WHERE _step >= ?")) {
      statement.setLong(1, 0);
      SQLException e = assertThrows(SQLException.class, () -> drain(statement.executeQuery()));
      assertEquals("54000", e.getSQLState());
      assertEquals(3, statement.unwrap(StatementCost.class).requests());
    }
  }

  @Test
  void aNegativeBudgetIsRefused() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(live.jdbcUrl("demo") + ";maxRequests=-1"));
    assertTrue(e.getMessage().contains("maxRequests"), e.getMessage());
  }

  private static void drain(ResultSet rows) throws SQLException {
    try (rows) {
      while (rows.next()) {
        rows.getObject(1);
      }
    }
  }
}
