package io.github.wandbjdbc.emulator;

import java.util.function.LongSupplier;

/** A token bucket holding at most one second's worth of requests (and at least one). */
final class RateLimiter {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double ratePerSecond;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  RateLimiter(double ratePerSecond, LongSupplier nanoClock) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.capacity = Math.max(1, ratePerSecond);
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastRefill = nanoClock.getAsLong();
  }

  /**
   * @param allowed whether the request may proceed
   * @param remaining whole requests left in the bucket afterwards ({@code RateLimit-Remaining})
   * @param resetSeconds seconds until the bucket is full again ({@code RateLimit-Reset})
   * @param retryAfterSeconds seconds until the next request would be allowed, at least 1
   */
  record Decision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {}

  synchronized Decision acquire() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - lastRefill) / NANOS_PER_SECOND * ratePerSecond);
    lastRefill = now;
    boolean allowed = tokens >= 1;
    if (allowed) {
      tokens -= 1;
    }
    long retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond));
    long reset = (long) Math.ceil((capacity - tokens) / ratePerSecond);
    return new Decision(allowed, (long) Math.floor(tokens), reset, retryAfter);
  }
}
