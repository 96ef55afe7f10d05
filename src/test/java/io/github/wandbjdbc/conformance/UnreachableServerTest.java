package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server that cannot be reached fails {@code connect} at once (no retries: a refused connection,
 * an unknown host or a failed TLS handshake does not heal in seconds) with SQLState 08001 and a
 * message naming the host. The deadline is generous: it separates "at once" from the two minutes
 * nine attempts with backoff took, not fast from slow.
 */
class UnreachableServerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @Test
  void refusedConnection() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertFailsFast("http://127.0.0.1:" + port, "127.0.0.1", "connection refused");
  }

  @Test
  void unknownHost() {
    assertFailsFast("http://no-such-host.invalid", "no-such-host.invalid", "unknown host");
  }

  @Test
  void tlsToAPlainHttpServer() {
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(1).withRunsPerProject(1)))) {
      String https = emulator.baseUrl().replace("http://", "https://");
      assertFailsFast(https, "127.0.0.1", "https");
      assertEquals(0, emulator.stats().requests(), "no GraphQL request got through");
    }
  }

  private static void assertFailsFast(String baseUrl, String host, String reason) {
    String url = "jdbc:wandb:baseUrl=" + baseUrl + ";apiKey=" + "k".repeat(40) + ";entity=acme";
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(DEADLINE) < 0, "connect failed only after " + took);
    assertEquals("08001", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(host), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(!e.getMessage().contains("k".repeat(40)), "the API key leaked: " + e.getMessage());
  }
}
