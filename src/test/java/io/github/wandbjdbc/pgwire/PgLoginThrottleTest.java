package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wrong W&B keys through the endpoint: after a few, an address is refused without asking W&B. */
class PgLoginThrottleTest {
  private static PgEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.close();
  }

  /** The first message after start-up and, when asked for one, the password. */
  private static RawPgClient.Message login(String password) throws Exception {
    try (RawPgClient client = new RawPgClient(endpoint.port())) {
      client.startup(3 << 16, Map.of("user", "wandb", "database", endpoint.entity()));
      RawPgClient.Message first = client.read();
      if (first.type() != 'R') {
        return first;
      }
      client.send('p', RawPgClient.cstring(password));
      return client.read();
    }
  }

  @Test
  void wrongKeysAreThrottledBeforeTheyReachWandb() throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertEquals("28P01", login("not-the-key-" + i).sqlState());
    }
    long requests = endpoint.emulator.stats().requests();
    RawPgClient.Message refused = login("yet-another-key");
    assertEquals("53300", refused.sqlState());
    assertTrue(refused.text().contains("too many failed logins from 127.0.0.1"), refused.text());
    assertEquals(requests, endpoint.emulator.stats().requests(), "no request reached W&B");
    assertEquals("53300", login(endpoint.apiKey()).sqlState(), "the right key waits too");
  }
}
