package io.github.wandbjdbc.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The scope of W&B requests: lets another thread stop them, and names the {@link RequestBudget}
 * they draw on. Cancelling aborts the HTTP call in flight and ends a retry wait at once, which a
 * thread interrupt cannot do (OkHttp notices an interrupt only when a blocked read returns). One
 * per run scan, one per other request; cancelling is permanent. Callers may pass their own to a
 * request (e.g. {@link WandbClient#runCount}) to stop it later.
 */
public final class Cancellation {

  private final Set<Runnable> aborts = ConcurrentHashMap.newKeySet();
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final RequestBudget budget;

  /** A scope whose requests are counted but not limited. */
  public Cancellation() {
    this(new RequestBudget(0));
  }

  /** A scope whose requests spend from {@code budget}. */
  public Cancellation(RequestBudget budget) {
    this.budget = budget;
  }

  /** What the requests of this scope spend from. */
  public RequestBudget budget() {
    return budget;
  }

  /** Aborts the requests in flight under this scope and every later one; thread-safe. */
  public void cancel() {
    cancelled.countDown();
    aborts.forEach(Runnable::run);
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /**
   * Runs {@code abort} (which stops a request in flight) on {@link #cancel}, until {@link
   * #unregister}; runs it at once if already cancelled.
   */
  public void register(Runnable abort) {
    aborts.add(abort);
    if (isCancelled()) {
      abort.run();
    }
  }

  public void unregister(Runnable abort) {
    aborts.remove(abort);
  }

  /** Waits {@code wait}, or less if cancelled meanwhile; returns whether it was cancelled. */
  public boolean await(Duration wait) throws InterruptedException {
    return cancelled.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }
}
