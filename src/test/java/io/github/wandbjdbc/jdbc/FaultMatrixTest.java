package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.Fault;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix: each W&B misbehaviour once, through the JDBC driver, in the middle of a scan of
 * 40 runs read 5 per request (8 pages). Faults start on the 4th page, after 15 rows were returned.
 * Each case checks the rows (the project's runs in creation order, as the emulator's dataset has
 * them) or the exception type, SQLState and message, plus how many page requests the emulator
 * received and a generous bound on the time spent retrying.
 */
class FaultMatrixTest {
  private static final int PAGE_SIZE = 5;
  private static final int PAGES = 8;
  private static final int FAULTY_PAGE = 4;
  private static final String SCAN = "SELECT run_id FROM runs";

  /** Short backoff keeps the suite fast; a Retry-After still overrides it. */
  private static final String FAST_RETRIES = ";pageSize=" + PAGE_SIZE + ";retryBackoffMs=10";

  private WandbEmulator emulator;

  /** Arrival times of the scan's page requests, retries included (see atFaultyPage). */
  private final List<Long> pageArrivals = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private EmulatedProject start(EmulatorConfig config) {
    emulator =
        WandbEmulator.start(
            config,
            DatasetGenerator.generate(
                GeneratorSpec.defaults(11).withHistorySteps(2).withEventsPerRun(0)));
    EmulatedProject demo = emulator.dataset().project("acme", "demo").orElseThrow();
    assertEquals(PAGES * PAGE_SIZE, demo.runs().size());
    return demo;
  }

  private EmulatedProject start() {
    return start(EmulatorConfig.defaults());
  }

  // --- retried faults: exact rows -------------------------------------------------------------

  @Test
  void rateLimitStormWithRetryAfterIsWaitedOut() throws Exception {
    EmulatedProject demo = start();
    atFaultyPage(
        () ->
            emulator
                .faults()
                .enqueue(
                    Fault.status(429, Duration.ofSeconds(1)),
                    Fault.status(429, Duration.ofSeconds(1)),
                    Fault.status(429, Duration.ofSeconds(1))));
    assertEquals(runIds(demo), scan(""));
    assertEquals(PAGES + 3, pageRequests());
    assertEquals(3, statusCount(429));
    // Retry-After (1 s each) replaced the 10 ms backoff: it was heeded, and not much more.
    Duration retrying = retryTime(3);
    assertTrue(retrying.compareTo(Duration.ofSeconds(3)) >= 0, retrying.toString());
    assertTrue(retrying.compareTo(Duration.ofSeconds(6)) < 0, retrying.toString());
  }

  @Test
  void rateLimitWithoutRetryAfterBacksOffExponentially() throws Exception {
    EmulatedProject demo = start();
    atFaultyPage(
        () ->
            emulator
                .faults()
                .enqueue(
                    Fault.status(429), Fault.status(429), Fault.status(429), Fault.status(429)));
    assertEquals(runIds(demo), scan(""));
    assertEquals(PAGES + 4, pageRequests());
    // 10 + 20 + 40 + 80 ms plus jitter.
    assertTrue(retryTime(4).compareTo(Duration.ofSeconds(3)) < 0, retryTime(4).toString());
  }

  @Test
  void exhaustedRateLimitWindowIsWaitedOutBeforeTheNextRequest() throws Exception {
    EmulatedProject demo = start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.windowUsedUp(Duration.ofSeconds(2))));
    assertEquals(runIds(demo), scan(""));
    assertEquals(PAGES, pageRequests(), "no request was refused");
    // Page 4 came with RateLimit-Remaining: 0, RateLimit-Reset: 2; page 5 waited for the reset.
    Duration gap =
        Duration.ofNanos(pageArrivals.get(FAULTY_PAGE) - pageArrivals.get(FAULTY_PAGE - 1));
    assertTrue(gap.compareTo(Duration.ofSeconds(2)) >= 0, gap.toString());
    assertTrue(gap.compareTo(Duration.ofSeconds(4)) < 0, gap.toString());
  }

  @Test
  void rateLimitedServerSeesNo429() throws Exception {
    // 5 requests per second with a burst of 5. Two scans back to back on one connection send
    // 17 requests (discovery once, 8 pages twice) faster than that; the answers say
    // RateLimit-Remaining: 0 with a RateLimit-Reset when the burst is used up, and the driver
    // waits for the reset instead of sending a request that would be refused.
    EmulatedProject demo = start(EmulatorConfig.defaults().withRateLimitPerSecond(5));
    atFaultyPage(() -> {});
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo") + FAST_RETRIES)) {
      assertEquals(runIds(demo), scan(c));
      assertEquals(runIds(demo), scan(c));
    }
    assertEquals(0, statusCount(429), "no request was sent into a used-up window");
    assertEquals(2 * PAGES, pageRequests());
    Duration scanning = Duration.ofNanos(pageArrivals.get(2 * PAGES - 1) - pageArrivals.get(0));
    assertTrue(scanning.compareTo(Duration.ofSeconds(8)) < 0, scanning.toString());
  }

  @Test
  void burstOfServerErrorsIsRetried() throws Exception {
    EmulatedProject demo = start();
    atFaultyPage(
        () ->
            emulator
                .faults()
                .enqueue(
                    Fault.status(500), Fault.status(502), Fault.status(503), Fault.status(504)));
    assertEquals(runIds(demo), scan(""));
    assertEquals(PAGES + 4, pageRequests());
    assertTrue(retryTime(4).compareTo(Duration.ofSeconds(3)) < 0, retryTime(4).toString());
  }

  @Test
  void responseSlowerThanTheTimeoutIsAbandonedAndRetried() throws Exception {
    EmulatedProject demo = start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.delay(Duration.ofMillis(2500))));
    assertEquals(runIds(demo), scan(";timeout=1"));
    assertEquals(PAGES + 1, pageRequests());
    // One 1 s timeout, not the 2.5 s the server took.
    Duration retrying = retryTime(1);
    // (Arrivals are stamped on the server, a little after the client started its clock.)
    assertTrue(retrying.compareTo(Duration.ofMillis(900)) >= 0, retrying.toString());
    assertTrue(retrying.compareTo(Duration.ofMillis(2400)) < 0, retrying.toString());
  }

  @Test
  void droppedConnectionMidBodyIsRetried() throws Exception {
    EmulatedProject demo = start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.dropConnection(), Fault.dropConnection()));
    assertEquals(runIds(demo), scan(""));
    assertEquals(PAGES + 2, pageRequests());
  }

  // --- faults that end the query: typed exceptions --------------------------------------------

  @Test
  void rateLimitOutlastingTheRetriesIsTransient() {
    start();
    atFaultyPage(
        () -> emulator.faults().enqueue(Fault.status(429), Fault.status(429), Fault.status(429)));
    SQLException e = assertThrows(SQLException.class, () -> scan(";maxRetries=2"));
    assertEquals(SQLTransientException.class, e.getClass());
    assertMessage(e, "Runs", "HTTP 429", "rate limit exceeded", "after 3 attempts", "maxRetries");
    assertEquals(FAULTY_PAGE + 2, pageRequests());
  }

  @Test
  void serverErrorsOutlastingTheRetriesAreTransient() {
    start();
    atFaultyPage(
        () -> emulator.faults().enqueue(Fault.status(502), Fault.status(503), Fault.status(503)));
    SQLException e = assertThrows(SQLException.class, () -> scan(";maxRetries=2"));
    assertEquals(SQLTransientException.class, e.getClass());
    assertEquals("HY000", e.getSQLState());
    assertMessage(e, "Runs", "HTTP 503", "after 3 attempts");
    assertEquals(FAULTY_PAGE + 2, pageRequests());
  }

  @Test
  void timeoutsOutlastingTheRetriesAreATransientConnectionFailure() {
    start();
    atFaultyPage(
        () ->
            emulator
                .faults()
                .enqueue(
                    Fault.delay(Duration.ofMillis(1500)), Fault.delay(Duration.ofMillis(1500))));
    SQLException e = assertThrows(SQLException.class, () -> scan(";timeout=1;maxRetries=1"));
    long failedAfter = System.nanoTime() - pageArrivals.get(FAULTY_PAGE - 1);
    assertInstanceOf(SQLTransientConnectionException.class, e);
    assertEquals("08006", e.getSQLState());
    assertMessage(e, "Runs", "after 2 attempts", "timeout");
    assertEquals(FAULTY_PAGE + 1, pageRequests());
    assertTrue(failedAfter < Duration.ofSeconds(4).toNanos(), failedAfter + " ns");
  }

  @Test
  void malformedJsonIsNotRetried() {
    start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.malformedJson()));
    SQLException e = assertThrows(SQLException.class, () -> scan(""));
    assertEquals(SQLNonTransientException.class, e.getClass());
    assertMessage(e, "Runs", "not JSON");
    assertEquals(FAULTY_PAGE, pageRequests());
  }

  @Test
  void graphqlErrorsInA200AreNotRetried() {
    start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.graphqlError("permission denied")));
    SQLException e = assertThrows(SQLException.class, () -> scan(""));
    assertEquals(SQLNonTransientException.class, e.getClass());
    assertEquals("42000", e.getSQLState());
    assertMessage(e, "W&B rejected Runs", "permission denied");
    assertEquals(FAULTY_PAGE, pageRequests());
  }

  @Test
  void unauthorizedInTheMiddleOfAScanFailsInNextAfterTheRowsAlreadyRead() throws Exception {
    start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.status(401)));
    List<String> read = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo") + FAST_RETRIES);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SCAN)) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                while (rs.next()) {
                  read.add(rs.getString(1));
                }
              });
      assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
      assertEquals("28000", e.getSQLState());
      assertMessage(e, "Runs", "HTTP 401", "user is not logged in", "API key");
    }
    // The rows before the failure were delivered (the cursor looks one row ahead, so the error
    // comes with the last row of page 3 at the latest).
    assertTrue(read.size() >= (FAULTY_PAGE - 1) * PAGE_SIZE - 1, read.toString());
    assertEquals(
        runIds(emulator.dataset().project("acme", "demo").orElseThrow()).subList(0, read.size()),
        read);
    assertEquals(FAULTY_PAGE, pageRequests(), "401 is not retried");
  }

  @Test
  void unauthorizedBeforeTheFirstRowFailsInExecuteQuery() throws Exception {
    start();
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo") + FAST_RETRIES);
        Statement s = c.createStatement()) {
      // The project's first query first discovers its columns: that request is refused.
      emulator.faults().enqueue(Fault.status(403));
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SCAN));
      assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
      assertMessage(e, "Runs", "HTTP 403", "permission denied");
      assertEquals(1, emulator.stats().operations().get("Runs"));
    }
  }

  @Test
  void projectDeletedDuringTheScanIsNotFound() {
    start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.body(200, "{\"data\":{\"project\":null}}")));
    SQLException e = assertThrows(SQLException.class, () -> scan(""));
    assertEquals(SQLNonTransientException.class, e.getClass());
    assertEquals("42S02", e.getSQLState());
    assertMessage(e, "acme/demo", "was not found");
    assertEquals(FAULTY_PAGE, pageRequests());
  }

  @Test
  void preparedStatementFailuresAreMappedToo() throws Exception {
    start();
    atFaultyPage(() -> emulator.faults().enqueue(Fault.status(401)));
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo") + FAST_RETRIES);
        var ps = c.prepareStatement(SCAN + " WHERE run_id <> ?")) {
      ps.setString(1, "none");
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    rs.getString(1);
                  }
                }
              });
      assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
    }
  }

  // --- runs created and deleted during the scan -----------------------------------------------
  // Rows come in creation order (+created_at) and W&B's cursors are offsets into that order.

  @Test
  void runsCreatedDuringTheScanAreReturnedOnceAtTheEnd() throws Exception {
    EmulatedProject demo = start();
    List<String> before = runIds(demo);
    EmulatedRun newest =
        demo.runs().stream().max(Comparator.comparing(EmulatedRun::createdAt)).orElseThrow();
    atFaultyPage(
        () -> {
          demo.addRun(copy(newest, "new-run-1", newest.createdAt().plusSeconds(60)));
          demo.addRun(copy(newest, "new-run-2", newest.createdAt().plusSeconds(120)));
        });
    List<String> expected = new ArrayList<>(before);
    expected.addAll(List.of("new-run-1", "new-run-2"));
    assertEquals(expected, scan(""));
  }

  @Test
  void aRunInsertedBehindTheCursorShiftsThePagesButNoRowRepeats() throws Exception {
    EmulatedProject demo = start();
    List<String> before = runIds(demo);
    EmulatedRun oldest =
        demo.runs().stream().min(Comparator.comparing(EmulatedRun::createdAt)).orElseThrow();
    // Sorts first: every later run moves one offset on, so page 4 starts with the last run of
    // page 3 again, which the driver skips; the inserted run is behind the cursor and not read.
    atFaultyPage(() -> demo.addRun(copy(oldest, "backdated", oldest.createdAt().minusSeconds(60))));
    assertEquals(before, scan(""));
  }

  @Test
  void aRunDeletedAheadOfTheCursorIsNotReturned() throws Exception {
    EmulatedProject demo = start();
    List<String> before = runIds(demo);
    String doomed = before.get(30);
    atFaultyPage(() -> demo.removeRun(doomed));
    List<String> expected = new ArrayList<>(before);
    expected.remove(doomed);
    assertEquals(expected, scan(""));
  }

  @Test
  void aRunDeletedBehindTheCursorHidesTheRunAtThePageBoundary() throws Exception {
    EmulatedProject demo = start();
    List<String> before = runIds(demo);
    String deleted = before.get(0);
    atFaultyPage(() -> demo.removeRun(deleted));
    // Offsets move one back: page 4 (after offset 14) starts at the old 17th run, so the 16th,
    // which existed throughout, is not returned. W&B's offset cursors allow no better; it is the
    // documented limit (README, "Failures and limits").
    List<String> expected = new ArrayList<>(before);
    expected.remove((FAULTY_PAGE - 1) * PAGE_SIZE);
    assertEquals(expected, scan(""));
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Every run_id of the scan, in order, with the connection properties {@code extra}. */
  private List<String> scan(String extra) throws SQLException {
    try (Connection c =
        DriverManager.getConnection(emulator.jdbcUrl("demo") + FAST_RETRIES + extra)) {
      return scan(c);
    } catch (SQLException e) {
      assertFalse(String.valueOf(e.getMessage()).contains(emulator.apiKey()), "API key leaked");
      throw e;
    }
  }

  private static List<String> scan(Connection c) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SCAN)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /**
   * Runs {@code action} (once) just before the scan's page {@value #FAULTY_PAGE} is served, and
   * notes when each page request arrives (the emulator records a request only once answered).
   */
  private void atFaultyPage(Runnable action) {
    emulator.beforeEachRequest(
        request -> {
          if (isScanPage(request)) {
            pageArrivals.add(System.nanoTime());
            if (pageArrivals.size() == FAULTY_PAGE) {
              action.run();
            }
          }
        });
  }

  /** From the first request of the faulty page to its {@code retries}-th retry. */
  private Duration retryTime(int retries) {
    return Duration.ofNanos(
        pageArrivals.get(FAULTY_PAGE - 1 + retries) - pageArrivals.get(FAULTY_PAGE - 1));
  }

  /** A page request of the scan (column discovery is a Runs request too, of 100 runs). */
  private static boolean isScanPage(RecordedRequest request) {
    return request.operationName().equals("Runs")
        && request.variables().path("perPage").asInt() == PAGE_SIZE;
  }

  private int pageRequests() {
    return pageArrivals.size();
  }

  private long statusCount(int status) {
    return emulator.stats().recorded().stream().filter(r -> r.status() == status).count();
  }

  private static List<String> runIds(EmulatedProject project) {
    return project.runs().stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name))
        .map(EmulatedRun::name)
        .toList();
  }

  private void assertMessage(SQLException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
    assertFalse(e.getMessage().contains(emulator.apiKey()), "API key leaked: " + e.getMessage());
  }

  private static EmulatedRun copy(EmulatedRun run, String name, java.time.Instant createdAt) {
    return new EmulatedRun(
        name,
        run.displayName(),
        run.state(),
        run.tags(),
        run.group(),
        run.jobType(),
        run.sweepName(),
        run.commit(),
        run.notes(),
        run.description(),
        createdAt,
        run.heartbeatAt(),
        run.username(),
        run.userFullName(),
        run.host(),
        run.config(),
        run.summary(),
        run.systemMetrics(),
        run.history(),
        run.events());
  }
}
