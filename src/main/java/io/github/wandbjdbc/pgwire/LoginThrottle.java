package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins, per client address. In key-as-password mode every login attempt costs a W&B
 * request, so the endpoint must not let anyone try keys at W&B's expense: after {@link
 * #FREE_FAILURES} failures an address is refused for a while, doubling with each further failure up
 * to {@link #LONGEST_WAIT}, and while it has failures only one of its logins runs at a time. A
 * refused attempt is answered before any password is read, so it reaches neither the driver nor
 * W&B. A success forgets the address. At most {@link #MAX_ADDRESSES} are remembered.
 */
final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final Duration FIRST_WAIT = Duration.ofSeconds(2);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
  static final int MAX_ADDRESSES = 10_000;

  /** Logs a session in: its driver connection, or a PgProtocolException (28P01 for a bad key). */
  @FunctionalInterface
  interface Login {
    Connection attempt() throws IOException;
  }

  private static final class Failures {
    int count;
    long refusedUntil;
    boolean inFlight;
  }

  private final LongSupplier nanoTime;
  private final Map<InetAddress, Failures> byAddress =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Failures> eldest) {
          return size() > MAX_ADDRESSES;
        }
      };

  LoginThrottle() {
    this(System::nanoTime);
  }

  LoginThrottle(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Runs {@code login} for a client at {@code address} unless that address is being refused. */
  Connection login(InetAddress address, Login login) throws IOException {
    admit(address);
    boolean succeeded = false;
    try {
      Connection connection = login.attempt();
      succeeded = true;
      return connection;
    } catch (PgProtocolException e) {
      if ("28P01".equals(e.sqlState())) {
        failed(address);
      }
      throw e;
    } finally {
      done(address, succeeded);
    }
  }

  private synchronized void admit(InetAddress address) throws PgProtocolException {
    Failures failures = byAddress.get(address);
    if (failures == null) {
      return;
    }
    long wait = failures.refusedUntil - nanoTime.getAsLong();
    if (wait > 0) {
      throw refused(
          "too many failed logins from "
              + address.getHostAddress()
              + "; try again in "
              + Math.max(1, Duration.ofNanos(wait).toSeconds())
              + " s");
    }
    if (failures.inFlight) {
      throw refused(
          "another login from "
              + address.getHostAddress()
              + " is being checked after failed ones; try again when it ends");
    }
    failures.inFlight = true;
  }

  private synchronized void failed(InetAddress address) {
    Failures failures = byAddress.computeIfAbsent(address, a -> new Failures());
    failures.count++;
    if (failures.count >= FREE_FAILURES) {
      int doublings = Math.min(failures.count - FREE_FAILURES, 20);
      long wait = Math.min(FIRST_WAIT.toNanos() << doublings, LONGEST_WAIT.toNanos());
      failures.refusedUntil = nanoTime.getAsLong() + wait;
    }
  }

  private synchronized void done(InetAddress address, boolean succeeded) {
    if (succeeded) {
      byAddress.remove(address);
      return;
    }
    Failures failures = byAddress.get(address);
    if (failures != null) {
      failures.inFlight = false;
    }
  }

  private static PgProtocolException refused(String message) {
    return new PgProtocolException("53300", message);
  }
}
