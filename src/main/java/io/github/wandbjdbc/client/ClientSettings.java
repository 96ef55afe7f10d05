package io.github.wandbjdbc.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WandbClient} reaches W&B: server, credentials, per-attempt timeout and retry budget.
 * {@code maxRetries} counts retries, so a request is sent at most {@code maxRetries + 1} times.
 * {@link #toString()} never shows the API key.
 */
public record ClientSettings(
    String baseUrl,
    String apiKey,
    Duration timeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    boolean logRequests) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_RETRIES = 8;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  public ClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(timeout, "timeout is null");
    Objects.requireNonNull(initialBackoff, "initialBackoff is null");
    Objects.requireNonNull(maxBackoff, "maxBackoff is null");
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initialBackoff <= maxBackoff, was " + initialBackoff + " and " + maxBackoff);
    }
  }

  /** Settings with the defaults: 60 s timeout, 8 retries, backoff 1 s up to 30 s, no logging. */
  public static ClientSettings of(String baseUrl, String apiKey) {
    return new ClientSettings(
        baseUrl,
        apiKey,
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_RETRIES,
        DEFAULT_INITIAL_BACKOFF,
        DEFAULT_MAX_BACKOFF,
        false);
  }

  @Override
  public String toString() {
    return "ClientSettings[baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey.isEmpty() ? "(empty)" : "(redacted)")
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", logRequests="
        + logRequests
        + "]";
  }
}
