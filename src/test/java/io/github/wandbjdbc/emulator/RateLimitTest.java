package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void bucketHoldsOneSecondOfRequestsAndRefillsContinuously() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(2, now::get);
    assertEquals(new RateLimiter.Decision(true, 1, 1, 1), limiter.acquire());
    assertEquals(new RateLimiter.Decision(true, 0, 1, 1), limiter.acquire());
    assertEquals(new RateLimiter.Decision(false, 0, 1, 1), limiter.acquire());
    now.addAndGet(SECOND / 2);
    assertTrue(limiter.acquire().allowed());
    now.addAndGet(10 * SECOND);
    assertEquals(new RateLimiter.Decision(true, 1, 1, 1), limiter.acquire());
  }

  @Test
  void slowRatesWaitWholeSeconds() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(0.25, now::get);
    assertTrue(limiter.acquire().allowed());
    RateLimiter.Decision denied = limiter.acquire();
    assertFalse(denied.allowed());
    assertEquals(4, denied.retryAfterSeconds());
    assertEquals(4, denied.resetSeconds());
    now.addAndGet(3 * SECOND);
    assertEquals(1, limiter.acquire().retryAfterSeconds());
  }

  @Test
  void serverAnswers429WithRetryAfterAndRateLimitHeadersOnEveryResponse() {
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withRateLimitPerSecond(1),
            TestData.dataset(TestData.runs(1)))) {
      EmulatorHttp http = new EmulatorHttp(emulator);
      EmulatorHttp.Response first = http.query("{ viewer { id } }", null);
      assertEquals(200, first.status());
      assertEquals(Optional.of("0"), first.headers().firstValue("RateLimit-Remaining"));
      assertTrue(first.headers().firstValue("RateLimit-Reset").isPresent());

      EmulatorHttp.Response second = http.query("{ viewer { id } }", null);
      assertEquals(429, second.status());
      assertEquals("{\"error\":\"rate limit exceeded\"}", second.text());
      assertEquals(Optional.of("1"), second.headers().firstValue("Retry-After"));
      assertEquals(Optional.of("0"), second.headers().firstValue("RateLimit-Remaining"));
      assertEquals(2, emulator.stats().requests());
    }
  }

  @Test
  void noRateLimitHeadersWhenTheLimitIsOff() {
    try (WandbEmulator emulator =
        WandbEmulator.start(EmulatorConfig.defaults(), TestData.dataset(TestData.runs(1)))) {
      EmulatorHttp.Response response = new EmulatorHttp(emulator).query("{ viewer { id } }", null);
      assertEquals(Optional.empty(), response.headers().firstValue("RateLimit-Remaining"));
    }
  }
}
