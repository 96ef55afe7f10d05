package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The {@code Statement} and {@code Connection} knobs JDBC clients turn: limits are honoured lazily
 * (counted in W&B requests), housekeeping setters are accepted, and what a read-only driver cannot
 * do fails with an {@link SQLException}, never a {@link NullPointerException}.
 */
class StatementBehaviourTest {
  private static final int RUNS = 1000;
  private static WandbEmulator emulator;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(5).withRunsPerProject(RUNS).withHistorySteps(2)));
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
    connection.getMetaData().getColumns(null, "demo", "runs", null).close(); // discovery
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
  void maxRowsStopsTheScanAfterTheFirstPage() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setMaxRows(5);
      assertEquals(5, s.getMaxRows());
      assertEquals(
          runIdsInCreationOrder().subList(0, 5),
          strings(s.executeQuery("SELECT run_id FROM runs")));
    }
    assertEquals(Map.of("Runs", 1L), emulator.stats().operations());
  }

  @Test
  void maxRowsAppliesToPreparedStatementsAndBelowALimit() throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT run_id FROM runs WHERE state <> ? LIMIT 50")) {
      s.setMaxRows(3);
      s.setString(1, "no-such-state");
      assertEquals(runIdsInCreationOrder().subList(0, 3), strings(s.executeQuery()));
    }
    assertEquals(Map.of("Runs", 1L), emulator.stats().operations());
  }

  @Test
  void fetchSizeChangesNoRowsAndSizesOnlyTheFirstPage() throws SQLException {
    // 1000 narrow runs; pageSize 1000. A fetch size below it is the first page's size (the row
    // goal), the rest comes in one more page; 0 or a fetch size past a page changes nothing.
    Map<Integer, Long> requests = Map.of(0, 1L, 1, 2L, 7, 2L, 200, 2L, 5000, 1L);
    for (int fetchSize : new int[] {0, 1, 7, 200, 5000}) {
      emulator.stats().reset();
      try (Statement s = connection.createStatement()) {
        s.setFetchSize(fetchSize);
        assertEquals(fetchSize, s.getFetchSize());
        try (ResultSet rs = s.executeQuery("SELECT run_id FROM runs")) {
          rs.setFetchSize(fetchSize);
          assertEquals(runIdsInCreationOrder(), strings(rs));
        }
      }
      assertEquals(
          Map.of("Runs", requests.get(fetchSize)),
          emulator.stats().operations(),
          "fetch size " + fetchSize);
    }
  }

  @Test
  void negativeMaxRowsAndTimeoutsAreSqlExceptions() throws SQLException {
    try (Statement s = connection.createStatement()) {
      assertThrows(SQLException.class, () -> s.setMaxRows(-1));
      assertThrows(SQLException.class, () -> s.setQueryTimeout(-1));
    }
  }

  @Test
  void queryTimeoutIsAcceptedAndKept() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(30);
      assertEquals(30, s.getQueryTimeout());
      assertEquals(RUNS, strings(s.executeQuery("SELECT run_id FROM runs")).size());
    }
  }

  @Test
  void connectionHousekeepingIsAcceptedAndChangesNothing() throws SQLException {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      c.setReadOnly(false);
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
      assertTrue(c.getAutoCommit());
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
      c.setNetworkTimeout(executor, 10_000);
      assertEquals(10_000, c.getNetworkTimeout());
      c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
      c.clearWarnings();
      assertEquals(null, c.getWarnings());
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
        assertTrue(rs.next());
        assertEquals(RUNS, rs.getInt(1));
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void unsupportedJdbcFeaturesAreSqlFeatureNotSupported() throws SQLException {
    List<Executable> calls =
        List.of(
            () -> connection.prepareCall("{call f()}"),
            () -> connection.createBlob(),
            () -> connection.createClob(),
            () -> connection.createNClob(),
            () -> connection.createSQLXML(),
            () -> connection.createStruct("T", new Object[0]),
            () -> connection.setSavepoint(),
            () -> connection.setSavepoint("s"));
    for (Executable call : calls) {
      assertThrows(SQLFeatureNotSupportedException.class, call);
    }
  }

  @Test
  void statementsThatWouldModifyDataAreRefusedBeforePlanning() throws SQLException {
    try (Statement s = connection.createStatement()) {
      List<Executable> calls =
          List.of(
              () -> s.executeUpdate("DELETE FROM runs"),
              () -> s.executeUpdate("UPDATE runs SET state = 'x'"),
              () -> s.executeUpdate("INSERT INTO runs (run_id) VALUES ('x')"),
              () -> s.executeLargeUpdate("DELETE FROM runs WHERE state = 'x'"),
              () ->
                  s.execute(
                      "MERGE INTO runs r USING runs s ON r.run_id = s.run_id"
                          + " WHEN MATCHED THEN UPDATE SET state = 'x'"),
              () -> s.executeQuery("EXPLAIN PLAN FOR DELETE FROM runs"),
              () -> connection.prepareStatement("DELETE FROM runs WHERE run_id = ?"));
      List<String> kinds =
          List.of("DELETE", "UPDATE", "INSERT", "DELETE", "MERGE", "DELETE", "DELETE");
      for (int i = 0; i < calls.size(); i++) {
        SQLException e = assertThrows(SQLException.class, calls.get(i));
        // Refused by the SQL text check, or at prepare time where the reason may be the cause.
        String message =
            e.getMessage() + (e.getCause() == null ? "" : " / " + e.getCause().getMessage());
        assertTrue(
            message.contains("wandb-jdbc is read-only: " + kinds.get(i) + " is not supported"),
            message);
      }
    }
    assertEquals(Map.of(), emulator.stats().operations());
  }

  @Test
  void batchesAreRefused() throws SQLException {
    try (Statement s = connection.createStatement();
        PreparedStatement p = connection.prepareStatement("SELECT run_id FROM runs WHERE ? = 1")) {
      s.addBatch("DELETE FROM runs");
      assertTrue(
          assertThrows(SQLFeatureNotSupportedException.class, s::executeBatch)
              .getMessage()
              .contains("read-only"));
      p.setInt(1, 1);
      p.addBatch();
      assertThrows(SQLFeatureNotSupportedException.class, p::executeBatch);
    }
  }

  @Test
  void ddlIsAnSqlException() throws SQLException {
    try (Statement s = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE t (a INT)"));
      assertFalse(e.getMessage().isBlank());
    }
  }

  @Test
  void scrollingAForwardOnlyResultIsRefused() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT run_id FROM runs LIMIT 3")) {
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertThrows(SQLException.class, rs::first);
      assertThrows(SQLException.class, rs::previous);
      assertTrue(rs.next());
      assertInstanceOf(
          SQLException.class, assertThrows(Exception.class, () -> rs.updateString(1, "x")));
      assertFalse(rs.rowUpdated());
    }
  }

  private static List<String> runIdsInCreationOrder() {
    return emulator.dataset().project("acme", "demo").orElseThrow().runs().stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name))
        .map(EmulatedRun::name)
        .toList();
  }

  private static List<String> strings(ResultSet rs) throws SQLException {
    try (rs) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }
}
