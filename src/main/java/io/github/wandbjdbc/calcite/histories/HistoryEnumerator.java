package io.github.wandbjdbc.calcite.histories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.QueryCanceledException;
import io.github.wandbjdbc.calcite.QueryGuard;
import io.github.wandbjdbc.calcite.RowFormats;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows of a {@link HistoryFetcher} in Calcite's row formats (Object[], the bare value for one
 * column, an empty list for none). Starts the scan on the first {@code moveNext}; its {@link
 * QueryGuard} stops the scan's requests when the statement is canceled or times out, and the wait
 * for rows then fails rather than end early. Closes the scan when the rows end or fail (Calcite
 * does not close the enumerator of a failed execution).
 */
final class HistoryEnumerator implements Enumerator<Object> {
  private final Supplier<HistoryFetcher> start;
  private final List<HistoryColumn> columns;
  private final QueryGuard guard;
  private final BooleanSupplier connectionClosed;
  private HistoryFetcher scan;
  private HistoryFetcher.Page page;
  private int index;
  private Object current;

  HistoryEnumerator(
      Supplier<HistoryFetcher> start,
      List<HistoryColumn> columns,
      QueryGuard guard,
      BooleanSupplier connectionClosed) {
    this.start = start;
    this.columns = columns;
    this.guard = guard;
    this.connectionClosed = connectionClosed;
  }

  @Override
  public Object current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    try {
      guard.check();
      if (scan == null) {
        scan = start.get();
        guard.onStop(scan);
      }
      while (page == null || index >= page.rows().size()) {
        if (page == HistoryFetcher.END) {
          close();
          return false;
        }
        page = awaitPage();
        index = 0;
      }
    } catch (RuntimeException e) {
      close();
      throw guard.explain(e, connectionClosed.getAsBoolean());
    }
    ObjectNode row = page.rows().get(index++);
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = columns.get(i).value(page.run(), row);
    }
    current = RowFormats.row(values);
    return true;
  }

  private HistoryFetcher.Page awaitPage() {
    try {
      HistoryFetcher.Page next;
      while ((next = scan.next(QueryGuard.POLL_MILLIS)) == null) {
        guard.check();
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryCanceledException();
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
    guard.close();
  }
}
