package io.github.wandbjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * Stops a running W&B scan when its statement is canceled or its query timeout passes.
 *
 * <p>Calcite only sets the statement's cancel flag, and ignores {@code setQueryTimeout} for an
 * adapter; a scan blocked on an HTTP request or waiting before a retry would notice neither. So one
 * shared daemon thread polls every open guard every {@value #POLL_MILLIS} ms and, once its query
 * must stop, runs the guard's stop actions (closing a {@code RunIterator} aborts its request and
 * its retry wait). The scan's own threads call {@link #check()}, which then throws {@link
 * QueryCanceledException} or {@link QueryTimeoutException}: ending quietly would look like a
 * complete answer.
 *
 * <p>Thread-safe: a scan with several worker threads shares one guard. {@link #close()} when the
 * scan ends; the polling thread runs only while some guard is open.
 */
public final class QueryGuard implements AutoCloseable {
  public static final long POLL_MILLIS = 100;

  private static final Set<QueryGuard> OPEN = ConcurrentHashMap.newKeySet();
  private static final ScheduledThreadPoolExecutor POLLER = poller();
  private static ScheduledFuture<?> polling; // guarded by QueryGuard.class

  private enum Reason {
    CANCELED,
    TIMED_OUT
  }

  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final long deadlineNanos;
  private final List<AutoCloseable> stopActions = new ArrayList<>(); // guarded by this
  private volatile Reason stopped;

  private QueryGuard(AtomicBoolean cancelFlag, long timeoutMillis, long elapsedMillis) {
    this.cancelFlag = cancelFlag;
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos =
        System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis - elapsedMillis));
  }

  /**
   * A guard for the query of {@code root}, registered with the poller. Calcite passes the
   * statement's cancel flag and its timeout in milliseconds ({@code setQueryTimeout} seconds times
   * 1000, absent when none); the timeout counts from the query's start, which Calcite records as
   * its {@code UTC_TIMESTAMP}.
   */
  public static QueryGuard open(DataContext root) {
    Long timeout = DataContext.Variable.TIMEOUT.get(root);
    Object start = root.get(DataContext.Variable.UTC_TIMESTAMP.camelName);
    long elapsed =
        start instanceof Long startMillis
            ? Math.max(0, System.currentTimeMillis() - startMillis)
            : 0;
    QueryGuard guard =
        new QueryGuard(
            DataContext.Variable.CANCEL_FLAG.get(root), timeout == null ? 0 : timeout, elapsed);
    register(guard);
    return guard;
  }

  /**
   * Runs {@code action} (once) when the query must stop; at once if it already must. Its failure is
   * ignored: stopping is best effort, and {@link #check()} reports the stop either way.
   */
  public void onStop(AutoCloseable action) {
    synchronized (this) {
      if (stopped == null) {
        stopActions.add(action);
        return;
      }
    }
    closeQuietly(action);
  }

  /** Throws if the query was canceled or timed out; otherwise returns. */
  public void check() {
    poll();
    Reason reason = stopped;
    if (reason == Reason.CANCELED) {
      throw new QueryCanceledException();
    }
    if (reason == Reason.TIMED_OUT) {
      throw new QueryTimeoutException(timeoutMillis);
    }
  }

  /**
   * What a scan should throw for {@code failure}, a W&B request that failed: the cancel or timeout
   * that aborted it, a {@link QueryCanceledException} when the connection was closed meanwhile
   * (closing the W&B client aborts its requests), else {@code failure} itself.
   */
  public RuntimeException explain(RuntimeException failure, boolean connectionClosed) {
    check();
    return connectionClosed
        ? new QueryCanceledException("The query was canceled: its connection was closed", failure)
        : failure;
  }

  /** Unregisters the guard; its stop actions are dropped without running. */
  @Override
  public void close() {
    synchronized (this) {
      stopActions.clear();
    }
    unregister(this);
  }

  /** How many guards are open (for tests: a finished query must leave none). */
  static int openCount() {
    return OPEN.size();
  }

  private void poll() {
    if (stopped != null) {
      return;
    }
    Reason reason = null;
    if (cancelFlag != null && cancelFlag.get()) {
      reason = Reason.CANCELED;
    } else if (timeoutMillis > 0 && System.nanoTime() - deadlineNanos >= 0) {
      reason = Reason.TIMED_OUT;
    }
    if (reason != null) {
      stop(reason);
    }
  }

  private void stop(Reason reason) {
    List<AutoCloseable> actions;
    synchronized (this) {
      if (stopped != null) {
        return;
      }
      stopped = reason;
      actions = new ArrayList<>(stopActions);
      stopActions.clear();
    }
    actions.forEach(QueryGuard::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable action) {
    try {
      action.close();
    } catch (Exception ignored) {
      // The scan still fails through check(); a stop action that cannot close changes nothing.
    }
  }

  private static synchronized void register(QueryGuard guard) {
    OPEN.add(guard);
    if (polling == null) {
      polling =
          POLLER.scheduleWithFixedDelay(
              QueryGuard::pollAll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private static synchronized void unregister(QueryGuard guard) {
    if (OPEN.remove(guard) && OPEN.isEmpty() && polling != null) {
      polling.cancel(false);
      polling = null;
    }
  }

  private static void pollAll() {
    for (QueryGuard guard : OPEN) {
      try {
        guard.poll();
      } catch (RuntimeException e) {
        // One guard's failure must not end the periodic task, which would stop all the others.
      }
    }
  }

  /** One daemon thread, started on demand and ended after a few idle seconds. */
  private static ScheduledThreadPoolExecutor poller() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "wandb-jdbc-query-guard");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(5, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
