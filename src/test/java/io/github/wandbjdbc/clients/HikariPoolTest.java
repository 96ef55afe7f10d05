package io.github.wandbjdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HikariCP, as a BI server would use it: a small pool shared by more threads than connections. */
class HikariPoolTest {
  private static final int CONNECTIONS = 4;
  private static final int THREADS = 8;
  private static final int QUERIES_PER_THREAD = 10;

  private static WandbEmulator emulator;
  private HikariDataSource pool;

  /** A query and the single-column answer the dataset implies. */
  private record Expectation(String sql, List<String> rows) {}

  @BeforeAll
  static void startEmulator() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(23).withRunsPerProject(12)));
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void openPool() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("wandb-test");
    config.setJdbcUrl(emulator.jdbcUrl("demo"));
    config.setMaximumPoolSize(CONNECTIONS);
    config.setMinimumIdle(CONNECTIONS);
    // Hikari applies these on every new connection and resets them when one is returned dirty.
    config.setReadOnly(true);
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionTimeout(60_000);
    pool = new HikariDataSource(config);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void eightThreadsShareFourConnectionsAndEveryAnswerIsRight() throws Exception {
    List<Expectation> expectations = expectations();
    assertTrue(expectations.stream().noneMatch(e -> e.rows().isEmpty()), "a query with no answer");
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(threads.submit(() -> runQueries(thread, expectations)));
      }
      for (Future<List<String>> result : results) {
        assertEquals(List.of(), result.get(120, TimeUnit.SECONDS), "wrong answers");
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(CONNECTIONS, pool.getHikariPoolMXBean().getTotalConnections());
  }

  @Test
  void poolHousekeepingCallsAreAccepted() throws Exception {
    ExecutorService timeouts = Executors.newSingleThreadExecutor();
    try (Connection connection = pool.getConnection()) {
      assertTrue(connection.isValid(5));
      connection.setReadOnly(false);
      connection.setReadOnly(true);
      assertTrue(connection.isReadOnly());
      connection.setAutoCommit(false);
      connection.setAutoCommit(true);
      assertTrue(connection.getAutoCommit());
      connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      connection.setNetworkTimeout(timeouts, 15_000);
      assertEquals(15_000, connection.getNetworkTimeout());
      assertEquals("demo", connection.getSchema());
      connection.clearWarnings();
    } finally {
      timeouts.shutdownNow();
    }
    // The connection came back dirty and Hikari reset it; it must still answer.
    try (Connection connection = pool.getConnection()) {
      assertTrue(connection.isValid(5));
      assertEquals(expectations().get(0).rows(), query(connection, expectations().get(0).sql()));
    }
  }

  /** Each thread cycles through the queries from its own starting point; returns the misses. */
  private List<String> runQueries(int thread, List<Expectation> expectations) throws SQLException {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < QUERIES_PER_THREAD; i++) {
      Expectation expected = expectations.get((thread + i) % expectations.size());
      try (Connection connection = pool.getConnection()) {
        List<String> actual = query(connection, expected.sql());
        if (!actual.equals(expected.rows())) {
          wrong.add("thread " + thread + ": " + expected.sql() + " gave " + actual);
        }
      }
    }
    return wrong;
  }

  private static List<String> query(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static List<Expectation> expectations() {
    List<EmulatedRun> demo = project("demo").runs();
    return List.of(
        new Expectation("SELECT COUNT(*) FROM runs", List.of(String.valueOf(demo.size()))),
        new Expectation(
            "SELECT run_id FROM runs WHERE state = 'finished' ORDER BY run_id",
            demo.stream()
                .filter(r -> "finished".equals(r.state()))
                .map(EmulatedRun::name)
                .sorted()
                .toList()),
        new Expectation(
            "SELECT COUNT(*) FROM \"image-classification\".runs",
            List.of(String.valueOf(project("image-classification").runs().size()))));
  }

  private static EmulatedProject project(String name) {
    return emulator.dataset().project(emulator.dataset().entity(), name).orElseThrow();
  }
}
