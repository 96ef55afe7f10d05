package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.client.HttpCalls;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.Fault;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statement.cancel(), setQueryTimeout() and Connection.close() stop a runs scan within about a
 * second wherever it waits: on a slow page, in a blocking sort, in a long retry backoff. The scan
 * then fails (never ends as if complete), and leaves no guard registered and no HTTP call running.
 */
class QueryCancellationTest {
  /** "Within about a second", with room for a loaded 2-core build machine. */
  private static final long STOP_BOUND_MILLIS = 3_000;

  private static final Duration SLOW = Duration.ofSeconds(5);
  private static final int RUNS = 60;
  private static WandbEmulator emulator;
  private static ExecutorService worker;
  private Connection connection;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(5).withRunsPerProject(RUNS)));
    worker = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stop() {
    worker.shutdownNow();
    emulator.close();
  }

  /** A connection whose column discovery is done, so the next request is the query's own. */
  @BeforeEach
  void connect() throws SQLException {
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo") + ";pageSize=10");
    assertEquals(RUNS, rowCount(connection, "SELECT run_id FROM runs"));
    emulator.stats().reset();
  }

  @AfterEach
  void nothingLeftRunning() throws SQLException {
    emulator.beforeEachRequest(null);
    emulator.faults().clear();
    connection.close();
    assertEquals(0, QueryGuard.openCount(), "guards still registered");
    assertEquals(0, HttpCalls.running(), "W&B calls still in flight");
  }

  @Test
  void cancelStopsAScanWaitingOnASlowPage() throws Exception {
    emulator.faults().enqueue(Fault.delay(SLOW));
    CountDownLatch sent = requestsSeen("Runs", 1);
    try (Statement statement = connection.createStatement()) {
      Future<Throwable> scan = inBackground(statement, "SELECT run_id, state FROM runs");
      assertTrue(sent.await(5, TimeUnit.SECONDS));
      long start = System.nanoTime();
      statement.cancel();
      Throwable failure = failureWithin(scan, start);
      assertTrue(hasInChain(failure, e -> e instanceof QueryCanceledException), describe(failure));
      assertEquals(1L, emulator.stats().operations().get("Runs"), "no page after the cancel");

      // Avatica clears the cancel flag on the next execution: the statement is usable again.
      assertEquals(RUNS, rowCount(statement, "SELECT run_id FROM runs"));
    }
  }

  @Test
  void cancelStopsABlockingSortBeforeTheScanEnds() throws Exception {
    emulator.faults().enqueue(Fault.delay(Duration.ZERO), Fault.delay(SLOW));
    CountDownLatch secondPage = requestsSeen("Runs", 2);
    try (Statement statement = connection.createStatement()) {
      Future<Throwable> scan =
          inBackground(statement, "SELECT run_id FROM runs ORDER BY display_name");
      assertTrue(secondPage.await(5, TimeUnit.SECONDS));
      long start = System.nanoTime();
      statement.cancel();
      Throwable failure = failureWithin(scan, start);
      assertTrue(hasInChain(failure, e -> e instanceof QueryCanceledException), describe(failure));
      assertEquals(2L, emulator.stats().operations().get("Runs"));
    }
  }

  @Test
  void cancelStopsAMetricOrderedScanWaitingOnItsProof() throws Exception {
    emulator.faults().enqueue(Fault.delay(Duration.ZERO), Fault.delay(SLOW));
    CountDownLatch counting = requestsSeen("RunCounts", 1);
    try (Statement statement = connection.createStatement()) {
      Future<Throwable> scan =
          inBackground(
              statement,
              "SELECT run_id FROM runs ORDER BY \"summary._runtime\" DESC NULLS LAST LIMIT 3");
      assertTrue(counting.await(5, TimeUnit.SECONDS));
      long start = System.nanoTime();
      statement.cancel();
      Throwable failure = failureWithin(scan, start);
      assertTrue(hasInChain(failure, e -> e instanceof QueryCanceledException), describe(failure));
      assertEquals(1L, emulator.stats().operations().get("Runs"), "no request after the cancel");
    }
  }

  @Test
  void queryTimeoutStopsASlowPage() throws Exception {
    emulator.faults().enqueue(Fault.delay(SLOW));
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long start = System.nanoTime();
      Throwable failure = failureWithin(inBackground(statement, "SELECT run_id FROM runs"), start);
      assertTrue(isTimeout(failure), describe(failure));
    }
  }

  @Test
  void queryTimeoutStopsASlowCount() throws Exception {
    emulator.faults().enqueue(Fault.delay(SLOW));
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long start = System.nanoTime();
      Throwable failure =
          failureWithin(
              inBackground(statement, "SELECT COUNT(*) FROM runs WHERE state = 'finished'"), start);
      assertTrue(isTimeout(failure), describe(failure));
      assertEquals(1L, emulator.stats().operations().get("RunCount"));
    }
  }

  @Test
  void cancelEndsALongRetryAfterWait() throws Exception {
    emulator.faults().enqueue(Fault.status(429, Duration.ofSeconds(20)));
    try (Statement statement = connection.createStatement()) {
      Future<Throwable> scan = inBackground(statement, "SELECT run_id FROM runs");
      awaitRecordedStatus(429);
      long start = System.nanoTime();
      statement.cancel();
      Throwable failure = failureWithin(scan, start);
      assertTrue(hasInChain(failure, e -> e instanceof QueryCanceledException), describe(failure));
      assertEquals(1L, emulator.stats().operations().get("Runs"), "the retry was never sent");
    }
  }

  @Test
  void closingTheConnectionStopsItsRunningScan() throws Exception {
    emulator.faults().enqueue(Fault.delay(SLOW));
    CountDownLatch sent = requestsSeen("Runs", 1);
    Statement statement = connection.createStatement();
    Future<Throwable> scan = inBackground(statement, "SELECT run_id FROM runs");
    assertTrue(sent.await(5, TimeUnit.SECONDS));
    long start = System.nanoTime();
    connection.close();
    assertTrue(elapsedMillis(start) <= STOP_BOUND_MILLIS, "close() blocked");
    Throwable failure = failureWithin(scan, start);
    assertTrue(
        hasInChain(
            failure,
            e ->
                e instanceof QueryCanceledException
                    && e.getMessage().contains("connection was closed")),
        describe(failure));
  }

  @Test
  void finishedQueriesLeaveNoGuard() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(30);
      assertEquals(RUNS, rowCount(statement, "SELECT run_id FROM runs ORDER BY run_id"));
      assertEquals(5, rowCount(statement, "SELECT run_id FROM runs LIMIT 5"));
      assertEquals(1, rowCount(statement, "SELECT COUNT(*) FROM runs"));
      try (ResultSet abandoned = statement.executeQuery("SELECT run_id FROM runs")) {
        assertTrue(abandoned.next());
      }
    }
  }

  private static Future<Throwable> inBackground(Statement statement, String sql) {
    return worker.submit(
        () -> {
          try {
            rowCount(statement, sql);
            return null;
          } catch (Exception e) {
            return e;
          }
        });
  }

  /** The scan's failure, which must come within the bound counted from {@code startNanos}. */
  private static Throwable failureWithin(Future<Throwable> scan, long startNanos) throws Exception {
    Throwable failure = scan.get(STOP_BOUND_MILLIS + 2_000, TimeUnit.MILLISECONDS);
    long millis = elapsedMillis(startNanos);
    assertNotNull(failure, "the scan ended as if complete");
    assertTrue(millis <= STOP_BOUND_MILLIS, "stopped after " + millis + " ms");
    return failure;
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static CountDownLatch requestsSeen(String operation, int count) {
    CountDownLatch latch = new CountDownLatch(count);
    AtomicInteger seen = new AtomicInteger();
    emulator.beforeEachRequest(
        request -> {
          if (request.operationName().equals(operation) && seen.incrementAndGet() <= count) {
            latch.countDown();
          }
        });
    return latch;
  }

  private static void awaitRecordedStatus(int status) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (emulator.stats().recorded().stream().noneMatch(r -> r.status() == status)) {
      assertTrue(System.nanoTime() < deadline, "no " + status + " answered");
      Thread.sleep(20);
    }
  }

  /** The other helper may map it to SQLTimeoutException; the cause chain shows it either way. */
  private static boolean isTimeout(Throwable failure) {
    return hasInChain(
        failure, e -> e instanceof QueryTimeoutException || e instanceof SQLTimeoutException);
  }

  private static boolean hasInChain(Throwable failure, Predicate<Throwable> test) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (test.test(e)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable e = failure; e != null; e = e.getCause()) {
      text.append(" <- ").append(e);
    }
    return text.toString();
  }

  private static int rowCount(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return rowCount(statement, sql);
    }
  }

  private static int rowCount(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      int count = 0;
      while (rows.next()) {
        count++;
      }
      return count;
    }
  }
}
