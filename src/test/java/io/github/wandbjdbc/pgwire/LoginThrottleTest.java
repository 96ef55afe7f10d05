package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Failed logins per address, on a clock the test moves: free ones, growing waits, one at a time.
 */
class LoginThrottleTest {
  private final AtomicLong now = new AtomicLong();
  private final LoginThrottle throttle = new LoginThrottle(now::get);
  private final AtomicInteger attempts = new AtomicInteger();

  private static InetAddress address(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
  }

  /** A login that fails as a wrong key does, and counts that it ran. */
  private String fail(InetAddress from) {
    return assertThrows(
            PgProtocolException.class,
            () ->
                throttle.login(
                    from,
                    () -> {
                      attempts.incrementAndGet();
                      throw new PgProtocolException("28P01", "password authentication failed");
                    }))
        .sqlState();
  }

  private void succeed(InetAddress from) throws Exception {
    assertNull(
        throttle.login(
            from,
            () -> {
              attempts.incrementAndGet();
              return null;
            }));
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void afterTheFreeFailuresAnAddressWaitsLongerEachTimeWithoutReachingTheLogin() throws Exception {
    InetAddress client = address(1);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertEquals("28P01", fail(client));
    }
    assertEquals(LoginThrottle.FREE_FAILURES, attempts.get());
    assertEquals("53300", fail(client));
    assertEquals(LoginThrottle.FREE_FAILURES, attempts.get(), "a refused login never runs");
    advance(LoginThrottle.FIRST_WAIT);
    assertEquals("28P01", fail(client));
    advance(LoginThrottle.FIRST_WAIT);
    assertEquals("53300", fail(client), "the second wait is twice the first");
    advance(LoginThrottle.FIRST_WAIT);
    succeed(client);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertEquals("28P01", fail(client), "a success forgets the failures");
    }
  }

  @Test
  void otherAddressesAreNotHeldUp() throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      fail(address(1));
    }
    assertEquals("53300", fail(address(1)));
    succeed(address(2));
  }

  @Test
  void waitsStopGrowingAtTheLongest() throws Exception {
    InetAddress client = address(1);
    for (int i = 0; i < 40; i++) {
      fail(client);
      advance(LoginThrottle.LONGEST_WAIT);
    }
    fail(client);
    advance(LoginThrottle.LONGEST_WAIT);
    succeed(client);
  }

  @Test
  void whileAnAddressHasFailuresItsLoginsRunOneAtATime() throws Exception {
    InetAddress client = address(1);
    fail(client);
    String[] concurrent = new String[1];
    succeedingAfter(client, () -> concurrent[0] = fail(client));
    assertEquals("53300", concurrent[0]);
  }

  private void succeedingAfter(InetAddress client, Runnable duringLogin) throws Exception {
    throttle.login(
        client,
        () -> {
          duringLogin.run();
          return null;
        });
  }

  @Test
  void itRemembersABoundedNumberOfAddressesForgettingTheLeastRecent() throws Exception {
    InetAddress first = address(1);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      fail(first);
    }
    assertEquals("53300", fail(first));
    for (int i = 0; i < LoginThrottle.MAX_ADDRESSES; i++) {
      fail(InetAddress.getByAddress(new byte[] {11, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
    }
    assertEquals("28P01", fail(first), "the map stays bounded: the oldest address is forgotten");
  }
}
