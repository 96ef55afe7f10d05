package io.github.wandbjdbc.client.transport;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Holds back the requests of one client while W&B has said that its rate-limit window is used up,
 * so that they wait for the window to reset instead of being sent only to meet a 429.
 *
 * <p>W&B sends {@code RateLimit-Remaining} and {@code RateLimit-Reset} (delta seconds, the IETF
 * draft's form) on its responses: a remaining of 0 closes the gate for the reset time. A 429's
 * {@code Retry-After} closes it too, so that parallel requests (history reads) wait along with the
 * one that was refused. Waits are capped like retry waits, so one odd header cannot stall a query
 * for long. Shared by all threads of a client.
 */
final class RateLimitGate {
  private final Duration maxWait;
  private final LongSupplier nanoClock;
  private long openAtNanos;
  private boolean closed;

  RateLimitGate(Duration maxWait, LongSupplier nanoClock) {
    this.maxWait = maxWait;
    this.nanoClock = nanoClock;
  }

  /** Reads a response's rate-limit headers (either may be null). */
  void observe(String remaining, String reset) {
    Long left = wholeNumber(remaining);
    Long resetSeconds = wholeNumber(reset);
    if (left != null && left <= 0 && resetSeconds != null && resetSeconds > 0) {
      closeFor(Duration.ofSeconds(resetSeconds));
    }
  }

  /** Keeps the gate closed for at least {@code wait} (capped) from now. */
  synchronized void closeFor(Duration wait) {
    long openAt = nanoClock.getAsLong() + min(wait, maxWait).toNanos();
    if (!closed || openAt - openAtNanos > 0) {
      openAtNanos = openAt;
      closed = true;
    }
  }

  /** How long a request must still wait before it is sent; zero when the gate is open. */
  synchronized Duration waitTime() {
    if (!closed) {
      return Duration.ZERO;
    }
    long left = openAtNanos - nanoClock.getAsLong();
    if (left <= 0) {
      closed = false;
      return Duration.ZERO;
    }
    return Duration.ofNanos(left);
  }

  private static Long wholeNumber(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
