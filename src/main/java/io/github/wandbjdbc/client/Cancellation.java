package io.github.wandbjdbc.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Lets another thread stop a W&B request: cancelling aborts the HTTP call in flight and ends a
 * retry wait at once, which a thread interrupt cannot do (OkHttp notices an interrupt only when a
 * blocked read returns). One per run scan, one per other request; cancelling is permanent. Callers
 * may pass their own to a request (e.g. {@link WandbClient#runCount}) to stop it later.
 */
public final class Cancellation {

  private final Set<Call> calls = ConcurrentHashMap.newKeySet();
  private final CountDownLatch cancelled = new CountDownLatch(1);

  /** Aborts the requests in flight under this scope and every later one; thread-safe. */
  public void cancel() {
    cancelled.countDown();
    calls.forEach(Call::cancel);
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /** Tracks {@code call} until {@link #unregister}; cancels it at once if already cancelled. */
  public void register(Call call) {
    calls.add(call);
    if (isCancelled()) {
      call.cancel();
    }
  }

  public void unregister(Call call) {
    calls.remove(call);
  }

  /** Waits {@code wait}, or less if cancelled meanwhile; returns whether it was cancelled. */
  public boolean await(Duration wait) throws InterruptedException {
    return cancelled.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }
}
