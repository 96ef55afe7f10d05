package io.github.wandbjdbc.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final RateLimitGate gate = new RateLimitGate(Duration.ofSeconds(30), now::get);

  @Test
  void openUntilTheWindowIsUsedUp() {
    gate.observe(null, null);
    gate.observe("3", "1");
    gate.observe("not a number", "2");
    assertEquals(Duration.ZERO, gate.waitTime());
  }

  @Test
  void noRemainingClosesTheGateUntilTheReset() {
    gate.observe("0", "2");
    assertEquals(Duration.ofSeconds(2), gate.waitTime());
    now.addAndGet(Duration.ofMillis(1500).toNanos());
    assertEquals(Duration.ofMillis(500), gate.waitTime());
    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertEquals(Duration.ZERO, gate.waitTime());
  }

  @Test
  void noRemainingWithoutAResetTimeIsIgnored() {
    gate.observe("0", null);
    gate.observe("0", "0");
    assertEquals(Duration.ZERO, gate.waitTime());
  }

  @Test
  void aLaterReopeningWinsAndAnEarlierOneDoesNotShortenTheWait() {
    gate.observe("0", "1");
    gate.closeFor(Duration.ofSeconds(5));
    gate.observe("0", "2");
    assertEquals(Duration.ofSeconds(5), gate.waitTime());
  }

  @Test
  void waitsAreCapped() {
    gate.observe("0", "3600");
    assertEquals(Duration.ofSeconds(30), gate.waitTime());
  }
}
