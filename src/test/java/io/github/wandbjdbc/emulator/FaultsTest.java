package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted faults, failEvery and latency. */
class FaultsTest {
  private static final String QUERY = "query Viewer { viewer { entity } }";
  private static final String OK = "{\"data\":{\"viewer\":{\"entity\":\"acme\"}}}";

  private WandbEmulator emulator;
  private EmulatorHttp http;

  @BeforeEach
  void start() {
    start(EmulatorConfig.defaults());
  }

  private void start(EmulatorConfig config) {
    if (emulator != null) {
      emulator.close();
    }
    emulator = WandbEmulator.start(config, TestData.dataset(TestData.runs(2)));
    http = new EmulatorHttp(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void statusFaultsUseWandbBodiesAndAreConsumedInOrder() {
    emulator
        .faults()
        .enqueue(
            Fault.status(503),
            Fault.status(429, Duration.ofMillis(2500)),
            Fault.status(401),
            Fault.status(500));
    EmulatorHttp.Response unavailable = http.query(QUERY, null);
    assertEquals(503, unavailable.status());
    assertEquals("{\"error\":\"service unavailable\"}", unavailable.text());

    EmulatorHttp.Response limited = http.query(QUERY, null);
    assertEquals(429, limited.status());
    assertEquals("{\"error\":\"rate limit exceeded\"}", limited.text());
    assertEquals(Optional.of("3"), limited.headers().firstValue("Retry-After"));

    EmulatorHttp.Response unauthorized = http.query(QUERY, null);
    assertEquals(401, unauthorized.status());
    assertEquals("{\"errors\":[{\"message\":\"user is not logged in\"}]}", unauthorized.text());

    EmulatorHttp.Response failed = http.query(QUERY, null);
    assertEquals(500, failed.status());
    assertEquals("{\"errors\":[{\"message\":\"context deadline exceeded\"}]}", failed.text());

    assertEquals(OK, http.query(QUERY, null).text());
  }

  @Test
  void graphqlErrorIsHttp200WithErrorsAndNullData() {
    emulator.faults().enqueue(Fault.graphqlError("permission denied"));
    EmulatorHttp.Response response = http.query(QUERY, null);
    assertEquals(200, response.status());
    assertEquals(
        "{\"data\":null,\"errors\":[{\"message\":\"permission denied\"}]}", response.text());
  }

  @Test
  void droppedConnectionCutsTheBody() throws Exception {
    emulator.faults().enqueue(Fault.dropConnection());
    String body = "{\"query\": \"" + QUERY + "\"}";
    assertThrows(IOException.class, () -> http.sendRaw(body));
    assertEquals(OK, http.sendRaw(body).body());
    RecordedRequest dropped = emulator.stats().recorded().get(0);
    assertEquals(200, dropped.status());
    assertEquals(OK.length() / 2 + OK.length(), emulator.stats().bytesOut());
  }

  @Test
  void malformedJsonBody() {
    emulator.faults().enqueue(Fault.malformedJson());
    EmulatorHttp.Response response = http.query(QUERY, null);
    assertEquals(200, response.status());
    assertThrows(RuntimeException.class, response::json);
  }

  @Test
  void givenBody() {
    emulator.faults().enqueue(Fault.body(200, "{\"data\":{\"project\":null}}"));
    EmulatorHttp.Response response = http.query(QUERY, null);
    assertEquals(200, response.status());
    assertEquals("{\"data\":{\"project\":null}}", response.text());
  }

  @Test
  void windowUsedUpAnswersNormallyWithRateLimitHeaders() {
    emulator.faults().enqueue(Fault.windowUsedUp(Duration.ofMillis(1500)));
    EmulatorHttp.Response response = http.query(QUERY, null);
    assertEquals(OK, response.text());
    assertEquals(Optional.of("0"), response.headers().firstValue("RateLimit-Remaining"));
    assertEquals(Optional.of("2"), response.headers().firstValue("RateLimit-Reset"));
  }

  @Test
  void delayThenNormalAnswer() {
    emulator.faults().enqueue(Fault.delay(Duration.ofMillis(300)));
    long started = System.nanoTime();
    assertEquals(OK, http.query(QUERY, null).text());
    assertTrue(System.nanoTime() - started >= 300_000_000L);
  }

  @Test
  void clearDropsPendingFaults() {
    emulator.faults().enqueue(Fault.status(500), Fault.status(500));
    emulator.faults().clear();
    assertEquals(200, http.query(QUERY, null).status());
  }

  @Test
  void failEveryThirdRequest() {
    start(EmulatorConfig.defaults().withFailEvery(3));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(http.query(QUERY, null).status());
    }
    assertEquals(List.of(200, 200, 500, 200, 200, 500), statuses);
  }

  @Test
  void latencyDelaysEveryRequest() {
    start(EmulatorConfig.defaults().withLatencyMs(200));
    long started = System.nanoTime();
    http.query(QUERY, null);
    http.query(QUERY, null);
    assertTrue(System.nanoTime() - started >= 400_000_000L);
  }

  @Test
  void hookFailureIsReportedAsServerError() {
    emulator.beforeEachRequest(
        request -> {
          throw new IllegalStateException("hook exploded");
        });
    EmulatorHttp.Response response = http.query(QUERY, null);
    assertEquals(500, response.status());
    assertTrue(response.text().contains("hook exploded"), response.text());
    emulator.beforeEachRequest(null);
    assertEquals(OK, http.query(QUERY, null).text());
  }
}
