package io.github.wandbjdbc.client;

import java.time.Duration;

/** Client settings for tests: millisecond backoffs so retries cost no time. */
public final class TestSettings {

  static final String API_KEY = "local-test-key-0123456789abcdef0123456789abcdef";

  private TestSettings() {}

  static ClientSettings fast(String baseUrl, int maxRetries) {
    return new ClientSettings(
        baseUrl,
        API_KEY,
        Duration.ofSeconds(10),
        maxRetries,
        Duration.ofMillis(1),
        Duration.ofMillis(20),
        false);
  }

  static ClientSettings fast(String baseUrl) {
    return fast(baseUrl, 3);
  }
}
