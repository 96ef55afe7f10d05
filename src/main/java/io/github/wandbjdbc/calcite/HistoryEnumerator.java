package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.FlatLists;

/**
 * Rows of a {@link HistoryScan} in Calcite's row formats (Object[], the bare value for one
 * column, an empty list for none). Starts the scan on the first {@code moveNext}; while waiting
 * for rows it checks the statement's cancel flag and query timeout every
 * {@value #POLL_MILLIS} ms, and then stops the scan and fails rather than end early.
 */
final class HistoryEnumerator implements Enumerator<Object> {
  private static final long POLL_MILLIS = 100;

  private final Supplier<HistoryScan> start;
  private final List<HistoryColumn> columns;
  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final long deadlineNanos;
  private HistoryScan scan;
  private HistoryScan.Page page;
  private int index;
  private Object current;

  /** @param timeoutMillis the query timeout, 0 for none; it runs from this constructor call */
  HistoryEnumerator(Supplier<HistoryScan> start, List<HistoryColumn> columns,
      AtomicBoolean cancelFlag, long timeoutMillis) {
    this.start = start;
    this.columns = columns;
    this.cancelFlag = cancelFlag;
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
  }

  @Override
  public Object current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    checkStillWanted();
    if (scan == null) {
      scan = start.get();
    }
    while (page == null || index >= page.rows().size()) {
      if (page == HistoryScan.END) {
        return false;
      }
      page = awaitPage();
      index = 0;
    }
    ObjectNode row = page.rows().get(index++);
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = columns.get(i).value(page.run(), row);
    }
    current = switch (values.length) {
      case 0 -> FlatLists.COMPARABLE_EMPTY_LIST;
      case 1 -> values[0];
      default -> values;
    };
    return true;
  }

  private HistoryScan.Page awaitPage() {
    try {
      HistoryScan.Page next;
      while ((next = scan.next(POLL_MILLIS)) == null) {
        checkStillWanted();
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new QueryCanceledException();
    }
  }

  /** Ending quietly would look like a complete (but short) answer. */
  private void checkStillWanted() {
    if (cancelFlag != null && cancelFlag.get()) {
      close();
      throw new QueryCanceledException();
    }
    if (timeoutMillis > 0 && System.nanoTime() - deadlineNanos > 0) {
      close();
      throw new QueryTimeoutException(timeoutMillis);
    }
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a W&B history scan cannot be rewound");
  }

  @Override
  public void close() {
    if (scan != null) {
      scan.close();
    }
  }
}
