package io.github.wandbjdbc.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void backoffDoublesUntilTheCap() {
    assertEquals(Duration.ofSeconds(1), policy.delay(1, Optional.empty(), 0));
    assertEquals(Duration.ofSeconds(2), policy.delay(2, Optional.empty(), 0));
    assertEquals(Duration.ofSeconds(4), policy.delay(3, Optional.empty(), 0));
    assertEquals(Duration.ofSeconds(16), policy.delay(5, Optional.empty(), 0));
    assertEquals(Duration.ofSeconds(30), policy.delay(6, Optional.empty(), 0));
    assertEquals(Duration.ofSeconds(30), policy.delay(1_000, Optional.empty(), 0));
  }

  @Test
  void jitterAddsUpToAQuarterWithinTheCap() {
    assertEquals(Duration.ofMillis(1250), policy.delay(1, Optional.empty(), 1.0));
    assertEquals(Duration.ofMillis(4500), policy.delay(3, Optional.empty(), 0.5));
    assertEquals(Duration.ofSeconds(20), policy.delay(5, Optional.empty(), 1.0));
    assertEquals(Duration.ofSeconds(30), policy.delay(6, Optional.empty(), 1.0));
  }

  @Test
  void retryAfterReplacesTheBackoffUpToTheCap() {
    assertEquals(Duration.ofSeconds(7), policy.delay(1, Optional.of(Duration.ofSeconds(7)), 0.9));
    assertEquals(Duration.ZERO, policy.delay(4, Optional.of(Duration.ZERO), 0.9));
    assertEquals(Duration.ofSeconds(30), policy.delay(1, Optional.of(Duration.ofHours(1)), 0));
  }

  @Test
  void parsesRetryAfterSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(12)), RetryPolicy.parseRetryAfter(" 12 ", now));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetryPolicy.parseRetryAfter("Thu, 01 Jan 2026 00:01:30 GMT", now));
    assertEquals(
        Optional.of(Duration.ZERO),
        RetryPolicy.parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now));
    assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(null, now));
    assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("-3", now));
    assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("soon", now));
  }

  @Test
  void retryableStatusesFollowTheOfficialClient() {
    for (int status : new int[] {408, 429, 500, 502, 503, 504, 599}) {
      assertTrue(RetryPolicy.isRetryableStatus(status), "retry " + status);
    }
    for (int status : new int[] {200, 400, 401, 403, 404, 409, 410, 413, 422, 501}) {
      assertFalse(RetryPolicy.isRetryableStatus(status), "no retry " + status);
    }
  }
}
