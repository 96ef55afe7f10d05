package io.github.wandbjdbc.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one statement may spend on W&B, and what it spent: requests sent (GraphQL and file downloads
 * alike, every attempt counted) and response bytes received. A request that would go past {@code
 * maxRequests} is not sent: {@link #spend} throws {@link WandbBudgetExceededException} instead, so
 * a statement either finishes within its budget or fails. Thread-safe: a statement's scans spend
 * from one budget on several threads.
 */
public final class RequestBudget {
  private final long maxRequests;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  /** A budget of {@code maxRequests} requests; 0 counts without a limit. */
  public RequestBudget(long maxRequests) {
    if (maxRequests < 0) {
      throw new IllegalArgumentException("maxRequests must be >= 0, was " + maxRequests);
    }
    this.maxRequests = maxRequests;
  }

  /** Counts one request about to be sent, or throws when it would go past the budget. */
  public void spend(String operation) {
    // never counts past the budget, even for a moment: another thread may be reading the count
    long before = requests.getAndUpdate(n -> maxRequests > 0 && n >= maxRequests ? n : n + 1);
    if (maxRequests > 0 && before >= maxRequests) {
      throw new WandbBudgetExceededException(maxRequests, operation);
    }
  }

  /** Counts the bytes of a response. */
  public void received(long count) {
    bytes.addAndGet(count);
  }

  /** Requests sent so far. */
  public long requests() {
    return requests.get();
  }

  /** Response bytes received so far. */
  public long bytes() {
    return bytes.get();
  }
}
