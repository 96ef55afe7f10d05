package io.github.wandbjdbc.client.transport;

import io.github.wandbjdbc.client.ClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When to retry a W&B request and how long to wait first.
 *
 * <p>Retryable: HTTP 408, 429, every 5xx but 501, and connection failures (every W&B call here is a
 * read, so repeating it is safe). Everything else is final, notably 400, 401, 403, 404, 409, 410,
 * 413, 422, 501 and a 200 carrying GraphQL {@code errors}.
 *
 * <p>Wait before retry {@code n} (1-based): {@code initialBackoff * 2^(n-1)} plus up to 25% jitter,
 * capped at {@code maxBackoff}. A {@code Retry-After} header (seconds or HTTP date) replaces that
 * wait, also capped at {@code maxBackoff}: the cap bounds how long one query can stall, and a retry
 * that comes too early merely meets another 429 and waits again.
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  private static final double MAX_JITTER = 0.25;

  RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff is null");
    Objects.requireNonNull(maxBackoff, "maxBackoff is null");
  }

  static RetryPolicy of(ClientSettings settings) {
    return new RetryPolicy(settings.maxRetries(), settings.initialBackoff(), settings.maxBackoff());
  }

  static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || (status >= 500 && status != 501);
  }

  /**
   * The wait before retry {@code retry} (1 for the first retry); {@code jitter} in [0, 1) picks the
   * point in the jitter range, {@code retryAfter} (if present) overrides the backoff.
   */
  Duration delay(int retry, Optional<Duration> retryAfter, double jitter) {
    if (retryAfter.isPresent()) {
      return min(retryAfter.get(), maxBackoff);
    }
    // Doubling stops once past the cap, so a large retry count cannot overflow.
    Duration base = initialBackoff;
    for (int i = 1; i < retry && base.compareTo(maxBackoff) < 0; i++) {
      base = base.multipliedBy(2);
    }
    long jitterNanos = (long) (min(base, maxBackoff).toNanos() * MAX_JITTER * jitter);
    return min(base.plusNanos(jitterNanos), maxBackoff);
  }

  /**
   * A {@code Retry-After} header value: delay seconds or an HTTP date (a date in the past means no
   * wait). Empty when absent or unreadable.
   */
  static Optional<Duration> parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
