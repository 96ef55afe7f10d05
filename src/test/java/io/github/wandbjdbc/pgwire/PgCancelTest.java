package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.RawPgClient.cstring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.EmulatorConfig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CancelRequest and a vanishing client, against an emulator that takes 1 s per request and pages
 * one run at a time, so that a scan of the 40 runs would take 40 s.
 */
class PgCancelTest {
  private static PgEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start(EmulatorConfig.defaults().withLatencyMs(1000), null, ";pageSize=1");
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.close();
  }

  private static long runsRequests() {
    return endpoint.emulator.stats().operations().getOrDefault("Runs", 0L);
  }

  /** Waits, at most 20 s, until {@code condition} holds. */
  private static void await(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  @Test
  void cancelRequestCancelsTheRunningStatementWith57014() throws Exception {
    try (RawPgClient client =
        RawPgClient.connect(endpoint.port(), endpoint.entity(), endpoint.apiKey())) {
      long before = runsRequests();
      client.send('Q', cstring("SELECT run_id FROM runs"));
      await("the scan to start", () -> runsRequests() > before + 1);
      long sent = System.nanoTime();
      try (RawPgClient cancel = new RawPgClient(endpoint.port())) {
        cancel.out.writeInt(16);
        cancel.out.writeInt(80877102);
        cancel.out.writeInt(client.processId);
        cancel.out.writeInt(client.secretKey);
        cancel.out.flush();
        assertEquals(-1, cancel.endOfStream(), "the server closes a cancel connection");
      }
      List<RawPgClient.Message> answer = client.untilReady();
      long millis = (System.nanoTime() - sent) / 1_000_000;
      RawPgClient.Message error =
          answer.stream().filter(m -> m.type() == 'E').findFirst().orElseThrow();
      assertEquals("57014", error.sqlState(), error.text());
      assertTrue(millis < 3000, "canceled after " + millis + " ms");
      client.send('Q', cstring("SELECT 1 AS still_here"));
      assertEquals('T', client.untilReady().get(0).type());
    }
  }

  private static void sendCancel(RawPgClient client) throws Exception {
    try (RawPgClient cancel = new RawPgClient(endpoint.port())) {
      cancel.out.writeInt(16);
      cancel.out.writeInt(80877102);
      cancel.out.writeInt(client.processId);
      cancel.out.writeInt(client.secretKey);
      cancel.out.flush();
      assertEquals(-1, cancel.endOfStream());
    }
  }

  @Test
  void aCancelRequestStopsAFetchButSparesAnIdleCursor() throws Exception {
    try (RawPgClient client =
        RawPgClient.connect(endpoint.port(), endpoint.entity(), endpoint.apiKey())) {
      client.send('Q', cstring("BEGIN; DECLARE c CURSOR FOR SELECT run_id FROM runs"));
      assertEquals("CCZ", types(client.untilReady()));
      sendCancel(client);
      client.send('Q', cstring("FETCH 1 FROM c"));
      assertEquals("TDCZ", types(client.untilReady()), "nothing ran, so nothing was canceled");
      long before = runsRequests();
      client.send('Q', cstring("FETCH ALL FROM c"));
      await("the fetch to read on", () -> runsRequests() > before + 1);
      long sent = System.nanoTime();
      sendCancel(client);
      List<RawPgClient.Message> answer = client.untilReady();
      long millis = (System.nanoTime() - sent) / 1_000_000;
      RawPgClient.Message error =
          answer.stream().filter(m -> m.type() == 'E').findFirst().orElseThrow();
      assertEquals("57014", error.sqlState(), error.text());
      assertTrue(millis < 3000, "canceled after " + millis + " ms");
      client.send('Q', cstring("ROLLBACK"));
      assertEquals("CZ", types(client.untilReady()));
    }
  }

  @Test
  void pgJdbcStatementCancelEndsTheQueryWith57014() throws Exception {
    try (java.sql.Connection pg =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/" + endpoint.entity(),
                "wandb",
                endpoint.apiKey());
        java.sql.Statement statement = pg.createStatement()) {
      long before = runsRequests();
      java.util.concurrent.CompletableFuture<String> outcome =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT run_id FROM runs")) {
                  while (rs.next()) {
                    // read to the end, or until canceled
                  }
                  return "completed";
                } catch (java.sql.SQLException e) {
                  return e.getSQLState();
                }
              });
      await("the scan to start", () -> runsRequests() > before + 1);
      statement.cancel();
      assertEquals("57014", outcome.get(10, java.util.concurrent.TimeUnit.SECONDS));
      try (java.sql.ResultSet rs = statement.executeQuery("SELECT 1")) {
        assertTrue(rs.next(), "the connection goes on after a cancel");
      }
    }
  }

  @Test
  void aCancelRequestWithTheWrongSecretIsIgnored() throws Exception {
    try (RawPgClient client =
        RawPgClient.connect(endpoint.port(), endpoint.entity(), endpoint.apiKey())) {
      try (RawPgClient cancel = new RawPgClient(endpoint.port())) {
        cancel.out.writeInt(16);
        cancel.out.writeInt(80877102);
        cancel.out.writeInt(client.processId);
        cancel.out.writeInt(client.secretKey + 1);
        cancel.out.flush();
        assertEquals(-1, cancel.endOfStream());
      }
      client.send('Q', cstring("SELECT COUNT(*) AS n FROM runs"));
      assertEquals("TDCZ", types(client.untilReady()));
    }
  }

  @Test
  void aClientThatDisconnectsMidScanStopsTheScan() throws Exception {
    RawPgClient client = RawPgClient.connect(endpoint.port(), endpoint.entity(), endpoint.apiKey());
    long before = runsRequests();
    client.send('Q', cstring("SELECT run_id FROM runs"));
    await("the scan to start", () -> runsRequests() > before + 1);
    client.close();
    await("the session to end", () -> endpoint.server.sessionCount() == 0);
    long afterClose = endpoint.emulator.stats().requests();
    Thread.sleep(2500);
    assertEquals(
        afterClose, endpoint.emulator.stats().requests(), "W&B requests after the client left");
    assertTrue(runsRequests() - before < 10, "pages read: " + (runsRequests() - before));
  }

  private static String types(List<RawPgClient.Message> messages) {
    StringBuilder types = new StringBuilder();
    messages.forEach(m -> types.append(m.type()));
    return types.toString();
  }
}
