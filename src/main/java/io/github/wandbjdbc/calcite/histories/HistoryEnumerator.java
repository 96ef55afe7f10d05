package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.QueryCanceledException;
import io.github.wandbjdbc.calcite.QueryGuard;
import io.github.wandbjdbc.calcite.RowFormats;
import io.github.wandbjdbc.client.HistoryRow;
import io.github.wandbjdbc.client.HistoryRowIterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows of a {@link HistoryRowIterator} in Calcite's row formats (Object[], the bare value for one
 * column, an empty list for none). The iterator starts reading on the first {@code moveNext}; the
 * {@link QueryGuard} closes it, stopping its requests, when the statement is canceled or times out,
 * and the wait for rows then fails rather than end early. Closes the iterator when the rows end or
 * fail (Calcite does not close the enumerator of a failed execution).
 */
final class HistoryEnumerator implements Enumerator<Object> {
  private final HistoryRowIterator rows;
  private final List<HistoryColumn> columns;
  private final QueryGuard guard;
  private final BooleanSupplier connectionClosed;
  private Object current;

  HistoryEnumerator(
      HistoryRowIterator rows,
      List<HistoryColumn> columns,
      QueryGuard guard,
      BooleanSupplier connectionClosed) {
    this.rows = rows;
    this.columns = columns;
    this.guard = guard;
    this.connectionClosed = connectionClosed;
    guard.onStop(rows);
  }

  @Override
  public Object current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    HistoryRow row;
    try {
      guard.check();
      awaitRow();
      if (!rows.hasNext()) {
        close();
        return false;
      }
      row = rows.next();
    } catch (RuntimeException e) {
      close();
      throw guard.explain(e, connectionClosed.getAsBoolean());
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = columns.get(i).value(row.run(), row.values());
    }
    current = RowFormats.row(values);
    return true;
  }

  /** Waits until a row or the end is there, checking the guard between short waits. */
  private void awaitRow() {
    try {
      while (!rows.await(QueryGuard.POLL_MILLIS)) {
        guard.check();
      }
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
    rows.close();
    guard.close();
  }
}
