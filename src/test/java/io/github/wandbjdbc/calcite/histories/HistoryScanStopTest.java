package io.github.wandbjdbc.calcite.histories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.calcite.QueryTimeoutException;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancel and query timeout stop a history scan while its workers wait on slow W&B answers, and
 * leave no worker thread behind.
 */
class HistoryScanStopTest {
  private static final long LATENCY_MS = 4_000;
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(3).withRunsPerProject(10)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void queryTimeoutStopsAScanWaitingOnWandb() throws Exception {
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
        Statement statement = connection.createStatement()) {
      warmUp(connection);
      emulator.beforeEachRequest(request -> sleep(LATENCY_MS));
      statement.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> drain(statement));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e instanceof SQLTimeoutException, String.valueOf(e));
      assertTrue(hasCause(e, QueryTimeoutException.class), String.valueOf(e));
      assertTrue(millis < 3_000, "stopped after " + millis + " ms");
    } finally {
      emulator.beforeEachRequest(null);
    }
    assertNoWorkerLeft();
  }

  @Test
  void cancelStopsAScanWaitingOnWandb() throws Exception {
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
        Statement statement = connection.createStatement()) {
      warmUp(connection);
      emulator.beforeEachRequest(request -> sleep(LATENCY_MS));
      CompletableFuture<Void> canceller =
          CompletableFuture.runAsync(
              () -> {
                sleep(500);
                try {
                  statement.cancel();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> drain(statement));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      canceller.get(5, TimeUnit.SECONDS);
      assertEquals("57014", e.getSQLState(), String.valueOf(e));
      assertTrue(millis < 3_000, "stopped after " + millis + " ms");
    } finally {
      emulator.beforeEachRequest(null);
    }
    assertNoWorkerLeft();
  }

  /** Plans once and discovers the columns, so that only the scan itself meets the latency. */
  private static void warmUp(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT run_id, _step, loss FROM histories WHERE run_id = 'none'")) {
      while (rs.next()) {
        // nothing: no such run
      }
    }
  }

  private static void drain(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT run_id, _step, loss FROM histories")) {
      while (rs.next()) {
        // reading until the scan is stopped
      }
    }
  }

  private static void assertNoWorkerLeft() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (workers() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(workers() == 0, workers() + " history worker threads still alive");
  }

  private static long workers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("wandb-jdbc-history-") && t.isAlive())
        .count();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
