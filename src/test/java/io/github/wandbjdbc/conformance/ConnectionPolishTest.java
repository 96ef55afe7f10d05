package io.github.wandbjdbc.conformance;

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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 7: a table named without a project says which property to set, and with {@code
 * logRequests=true} a request aborted by closing the connection is logged as canceled, not as a
 * failure. (The shaded jar's silence on stderr is {@code DriverJarQuietIT}.)
 */
class ConnectionPolishTest {
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(11).withRunsPerProject(6)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void aTableWithoutAProjectSaysWhichPropertyToSet() throws SQLException {
    String withEntity = emulator.jdbcUrl("demo").replace(";project=demo", "");
    String withNeither = withEntity.replace(";entity=" + emulator.dataset().entity(), "");
    for (String url : List.of(withEntity, withNeither)) {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        for (String table : List.of("runs", "histories", "sampled_histories", "system_metrics")) {
          SQLException e =
              assertThrows(
                  SQLException.class, () -> statement.executeQuery("SELECT * FROM " + table));
          assertTrue(e.getMessage().contains("set project=<project> in the JDBC URL"), url);
          assertTrue(e.getMessage().contains("\"<project>\"." + table), e.getMessage());
        }
        // Qualified names and a later default project work as before.
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"demo\".runs")) {
          assertTrue(rs.next());
          assertEquals(6, rs.getLong(1));
        }
        connection.setSchema("demo");
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM runs")) {
          assertTrue(rs.next());
          assertEquals(6, rs.getLong(1));
        }
        SQLException unknown =
            assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM nope"));
        assertTrue(unknown.getMessage().contains("'nope' not found"), unknown.getMessage());
      }
    }
  }

  @Test
  void requestsAbortedByCloseAreLoggedAsCanceled() throws Exception {
    List<String> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (logged) {
              logged.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger clientLog = Logger.getLogger("io.github.wandbjdbc.client");
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    clientLog.addHandler(capture);
    try {
      Connection connection =
          DriverManager.getConnection(emulator.jdbcUrl("demo") + ";logRequests=true");
      // The query's first request stays unanswered until the connection is closed.
      emulator.beforeEachRequest(
          request -> {
            arrived.countDown();
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      Future<?> query =
          reader.submit(
              () -> {
                try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT run_id FROM runs")) {
                  return rs.next();
                }
              });
      assertTrue(arrived.await(60, TimeUnit.SECONDS), "the query sent no request");
      connection.close();
      assertThrows(Exception.class, () -> query.get(60, TimeUnit.SECONDS));
    } finally {
      release.countDown();
      emulator.beforeEachRequest(null);
      reader.shutdownNow();
      clientLog.removeHandler(capture);
    }
    synchronized (logged) {
      assertTrue(logged.stream().anyMatch(m -> m.contains(": canceled, attempt 1")), "" + logged);
      assertFalse(logged.stream().anyMatch(m -> m.contains("failed")), "" + logged);
    }
  }
}
