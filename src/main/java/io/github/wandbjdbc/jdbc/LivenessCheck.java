package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.WandbException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code Connection.isValid}: one {@code viewer} request (the smallest W&B answers) sent once,
 * without retries, so that an unreachable server or a revoked key is reported as "not valid" within
 * the caller's timeout instead of after the connection's retry budget.
 */
final class LivenessCheck {
  private final ClientSettings settings;

  LivenessCheck(ClientSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
  }

  /** Whether W&B answers the key's viewer within {@code timeoutSeconds} (0: the connection's). */
  boolean reachable(int timeoutSeconds) {
    Duration timeout =
        timeoutSeconds == 0 ? settings.timeout() : Duration.ofSeconds(timeoutSeconds);
    ClientSettings once =
        new ClientSettings(
            settings.baseUrl(),
            settings.apiKey(),
            timeout,
            0,
            settings.initialBackoff(),
            settings.maxBackoff(),
            settings.logRequests());
    try (WandbClient client = new WandbClient(once)) {
      client.viewer();
      return true;
    } catch (WandbException e) {
      return false;
    }
  }
}
