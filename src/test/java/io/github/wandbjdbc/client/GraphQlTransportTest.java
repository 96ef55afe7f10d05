package io.github.wandbjdbc.client;

import static io.github.wandbjdbc.client.ScriptedWandbServer.drop;
import static io.github.wandbjdbc.client.ScriptedWandbServer.late;
import static io.github.wandbjdbc.client.ScriptedWandbServer.ok;
import static io.github.wandbjdbc.client.ScriptedWandbServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport as seen through {@link WandbClient#viewer()}: headers, body, retries, errors. */
class GraphQlTransportTest {

  private static final String VIEWER =
      "{\"data\":{\"viewer\":{\"id\":\"VXNlcjox\",\"entity\":\"acme\",\"username\":\"ada\","
          + "\"teams\":{\"edges\":[{\"node\":{\"name\":\"acme\"}},"
          + "{\"node\":{\"name\":\"lab\"}}]}}}}";

  private ScriptedWandbServer server;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedWandbServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Viewer viewer(ClientSettings settings) {
    try (WandbClient client = new WandbClient(settings)) {
      return client.viewer();
    }
  }

  private Viewer viewer() {
    return viewer(TestSettings.fast(server.baseUrl()));
  }

  @Test
  void sendsBasicAuthWithUserApiAndJsonHeaders() {
    server.enqueue(ok(VIEWER));

    viewer();

    ScriptedWandbServer.Recorded request = server.requests().get(0);
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("api:" + TestSettings.API_KEY).getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, request.authorization());
    assertEquals("wandb-jdbc/0.1.0", request.userAgent());
    assertEquals("application/json", request.accept());
    assertTrue(request.contentType().startsWith("application/json"), request.contentType());
  }

  @Test
  void bodyCarriesQueryVariablesAndOperationName() {
    server.enqueue(ok(VIEWER));

    Viewer viewer = viewer();

    assertEquals(new Viewer("VXNlcjox", "ada", "acme", List.of("acme", "lab")), viewer);
    ScriptedWandbServer.Recorded request = server.requests().get(0);
    assertEquals("Viewer", request.operationName());
    assertTrue(request.body().get("query").asText().startsWith("query Viewer {"));
    assertTrue(request.body().get("variables").isObject());
  }

  @Test
  void trailingSlashOfBaseUrlIsIgnored() {
    server.enqueue(ok(VIEWER));

    viewer(TestSettings.fast(server.baseUrl() + "/"));

    assertEquals(1, server.requests().size());
  }

  @Test
  void retryAfterIsHonoured() {
    server.enqueue(
        status(429, "{\"error\":\"rate limit exceeded\"}", Map.of("Retry-After", "1")), ok(VIEWER));
    ClientSettings settings =
        new ClientSettings(
            server.baseUrl(),
            TestSettings.API_KEY,
            Duration.ofSeconds(10),
            3,
            Duration.ofMillis(1),
            Duration.ofSeconds(5),
            false);

    assertEquals("acme", viewer(settings).entity());

    List<ScriptedWandbServer.Recorded> requests = server.requests();
    assertEquals(2, requests.size());
    long gapNanos = requests.get(1).receivedNanos() - requests.get(0).receivedNanos();
    long gapMillis = gapNanos / 1_000_000;
    assertTrue(gapMillis >= 1000, "waited only " + gapMillis + " ms");
  }

  @Test
  void retryAfterIsCappedByMaxBackoff() {
    server.enqueue(
        status(429, "{\"error\":\"rate limit exceeded\"}", Map.of("Retry-After", "600")),
        ok(VIEWER));
    long start = System.nanoTime();

    assertEquals("acme", viewer().entity());

    assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
    assertEquals(2, server.requests().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void retriesTransientStatuses(int status) {
    server.enqueue(status(status, "{\"errors\":[{\"message\":\"busy\"}]}"), ok(VIEWER));

    assertEquals("acme", viewer().entity());

    assertEquals(2, server.requests().size());
  }

  @Test
  void retriesADroppedConnection() {
    server.enqueue(drop(), drop(), ok(VIEWER));

    assertEquals("acme", viewer().entity());

    assertEquals(3, server.requests().size());
  }

  @Test
  void givesUpAfterMaxRetriesWithStatusOperationAndAttempts() {
    server.setHandler(request -> status(503, "{\"error\":\"upstream unavailable\"}"));

    WandbTransientException e =
        assertThrows(
            WandbTransientException.class, () -> viewer(TestSettings.fast(server.baseUrl(), 2)));

    assertEquals(3, server.requests().size());
    assertEquals(503, e.httpStatus());
    assertEquals("Viewer", e.operation());
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertTrue(e.getMessage().contains("Viewer"), e.getMessage());
    assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    assertTrue(e.getMessage().contains("upstream unavailable"), e.getMessage());
  }

  @Test
  void givesUpOnConnectionFailuresWithStatusZero() {
    server.setHandler(request -> drop());

    WandbTransientException e =
        assertThrows(
            WandbTransientException.class, () -> viewer(TestSettings.fast(server.baseUrl(), 1)));

    assertEquals(2, server.requests().size());
    assertEquals(0, e.httpStatus());
    assertTrue(e.getMessage().contains("2 attempts"), e.getMessage());
  }

  @Test
  void timesOutEachAttemptAndGivesUpAsTransient() {
    // Once the server has answered, a timeout is retried; before, it is final (see below).
    server.enqueue(ok(VIEWER));
    server.setHandler(request -> late(5_000, ok(VIEWER)));
    ClientSettings impatient =
        new ClientSettings(
            server.baseUrl(),
            TestSettings.API_KEY,
            Duration.ofMillis(300),
            1,
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            false);

    WandbTransientException e;
    try (WandbClient client = new WandbClient(impatient)) {
      client.viewer();
      e = assertThrows(WandbTransientException.class, client::viewer);
    }

    assertEquals(3, server.requests().size());
    assertEquals(0, e.httpStatus());
    assertTrue(e.getMessage().contains("timeout"), e.getMessage());
  }

  @Test
  void closingTheClientAbortsARequestInFlight() {
    server.setHandler(request -> late(10_000, ok(VIEWER)));
    WandbClient client = new WandbClient(TestSettings.fast(server.baseUrl()));
    Thread closer =
        new Thread(
            () -> {
              for (int i = 0; i < 500 && server.requests().isEmpty(); i++) {
                sleepQuietly(10);
              }
              sleepQuietly(100);
              client.close();
            });
    closer.start();
    long start = System.nanoTime();

    WandbException e = assertThrows(WandbException.class, client::viewer);

    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "not aborted");
    assertEquals(1, server.requests().size());
  }

  @Test
  void badRequestIsNotRetried() {
    server.enqueue(status(400, "{\"errors\":[{\"message\":\"invalid filters\"}]}"), ok(VIEWER));

    WandbRequestException e = assertThrows(WandbRequestException.class, this::viewer);

    assertEquals(1, server.requests().size());
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("invalid filters"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void authenticationFailureIsNotRetried(int status) {
    server.enqueue(
        status(status, "{\"errors\":[{\"message\":\"user is not logged in\"}]}"), ok(VIEWER));

    WandbAuthenticationException e = assertThrows(WandbAuthenticationException.class, this::viewer);

    assertEquals(1, server.requests().size());
    assertEquals(status, e.httpStatus());
    assertTrue(e.getMessage().contains("user is not logged in"), e.getMessage());
  }

  @Test
  void notFoundStatusIsNotRetried() {
    server.enqueue(status(404, "<html><body>Not Found</body></html>"), ok(VIEWER));

    WandbNotFoundException e = assertThrows(WandbNotFoundException.class, this::viewer);

    assertEquals(1, server.requests().size());
    assertTrue(e.getMessage().contains("Not Found"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {409, 410, 413, 422, 501})
  void otherFinalStatusesAreNotRetried(int status) {
    server.enqueue(status(status, "{\"error\":\"no\"}"), ok(VIEWER));

    WandbRequestException e = assertThrows(WandbRequestException.class, this::viewer);

    assertEquals(1, server.requests().size());
    assertEquals(status, e.httpStatus());
  }

  @Test
  void graphQlErrorsInA200AreNotRetried() {
    server.enqueue(
        ok(
            "{\"errors\":[{\"message\":\"Cannot query field \\\"foo\\\"\"},"
                + "{\"message\":\"second problem\"}],\"data\":null}"),
        ok(VIEWER));

    WandbRequestException e = assertThrows(WandbRequestException.class, this::viewer);

    assertEquals(1, server.requests().size());
    assertEquals(200, e.httpStatus());
    assertTrue(
        e.getMessage().contains("Cannot query field \"foo\"; second problem"), e.getMessage());
  }

  @Test
  void nullViewerIsAnAuthenticationFailure() {
    server.enqueue(ok("{\"data\":{\"viewer\":null}}"));

    WandbAuthenticationException e = assertThrows(WandbAuthenticationException.class, this::viewer);

    assertEquals("Viewer", e.operation());
  }

  @Test
  void theKeyNeverAppearsInExceptionMessages() {
    String echo = "{\"errors\":[{\"message\":\"bad key " + TestSettings.API_KEY + "\"}]}";
    server.enqueue(status(401, echo), ok(echo), status(400, echo));
    server.setHandler(request -> status(500, echo));

    List<WandbException> failures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      try {
        viewer(TestSettings.fast(server.baseUrl(), 0));
      } catch (WandbException e) {
        failures.add(e);
      }
    }

    assertEquals(
        List.of(
            WandbAuthenticationException.class,
            WandbRequestException.class,
            WandbRequestException.class,
            WandbTransientException.class),
        failures.stream().map(Object::getClass).toList());
    for (WandbException e : failures) {
      assertFalse(e.getMessage().contains(TestSettings.API_KEY), e.getMessage());
      assertTrue(e.getMessage().contains("bad key (redacted)"), e.getMessage());
    }
  }

  @Test
  void interruptDuringRetryWaitRestoresTheFlagAndThrows() {
    server.setHandler(request -> status(503, "{}"));
    ClientSettings slow =
        new ClientSettings(
            server.baseUrl(),
            TestSettings.API_KEY,
            Duration.ofSeconds(10),
            5,
            Duration.ofSeconds(20),
            Duration.ofSeconds(20),
            false);
    Thread caller = Thread.currentThread();
    Thread interrupter =
        new Thread(
            () -> {
              for (int i = 0; i < 500 && server.requests().isEmpty(); i++) {
                sleepQuietly(10);
              }
              sleepQuietly(100);
              caller.interrupt();
            });
    interrupter.start();

    WandbException e = assertThrows(WandbException.class, () -> viewer(slow));

    assertTrue(Thread.interrupted(), "the interrupt flag must be restored");
    assertTrue(e.getMessage().contains("Interrupted"), e.getMessage());
    assertEquals(1, server.requests().size());
  }

  @Test
  void closedClientRefusesRequests() {
    WandbClient client = new WandbClient(TestSettings.fast(server.baseUrl()));
    client.close();

    WandbException e = assertThrows(WandbException.class, client::viewer);

    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertEquals(0, server.requests().size());
  }

  @Test
  void logsEachAttemptWithoutTheKey() {
    server.enqueue(status(500, "{}"), ok(VIEWER));
    ClientSettings logging =
        new ClientSettings(
            server.baseUrl(),
            TestSettings.API_KEY,
            Duration.ofSeconds(10),
            3,
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            true);
    Logger logger = Logger.getLogger("io.github.wandbjdbc.client");
    List<String> messages = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            messages.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
    try {
      viewer(logging);
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(true);
    }

    assertEquals(2, messages.size(), messages.toString());
    assertTrue(
        messages.get(0).matches("W&B Viewer: HTTP 500, attempt 1, \\d+ ms, 2 bytes"),
        messages.get(0));
    assertTrue(messages.get(1).startsWith("W&B Viewer: HTTP 200, attempt 2, "), messages.get(1));
    messages.forEach(message -> assertFalse(message.contains(TestSettings.API_KEY)));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
