package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.calcite.QueryGuard;
import io.github.wandbjdbc.calcite.RowFormats;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.WandbException;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Turns the client's lazy run iterator into rows of the requested columns in the format Calcite
 * expects ({@code JavaRowFormat.optimize}): Object[], the bare value for a single column, and an
 * empty comparable list when no column is needed (a COUNT over a LIMIT).
 *
 * <p>Its {@link QueryGuard} closes the iterator when the statement is canceled or times out, which
 * aborts a page request in flight or a retry wait; the enumerator then throws, never ends quietly.
 */
final class RunsEnumerator implements Enumerator<Object> {
  private final WandbClient client;
  private final RunIterator runs;
  private final List<RunsColumn> columns;
  private final ProjectContext context;
  private final QueryGuard guard;
  private Object current;

  RunsEnumerator(
      WandbClient client,
      RunIterator runs,
      List<RunsColumn> columns,
      ProjectContext context,
      QueryGuard guard) {
    this.client = client;
    this.runs = runs;
    this.columns = columns;
    this.context = context;
    this.guard = guard;
    guard.onStop(runs);
  }

  @Override
  public Object current() {
    return current;
  }

  /**
   * The next row. At the end, and when it throws, the scan is closed at once: Calcite does not
   * close the enumerator of a query whose execution failed.
   */
  @Override
  public boolean moveNext() {
    try {
      if (nextRun()) {
        return true;
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    close();
    return false;
  }

  private boolean nextRun() {
    guard.check();
    boolean more;
    try {
      more = runs.hasNext();
    } catch (WandbException e) {
      throw guard.explain(e, client.isClosed());
    }
    if (!more) {
      // A closed iterator answers false: make sure that was the end, not a stop.
      guard.check();
      return false;
    }
    Run run = runs.next();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = columns.get(i).value(run, context);
    }
    current = RowFormats.row(row);
    return true;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a W&B run scan cannot be rewound");
  }

  @Override
  public void close() {
    guard.close();
    runs.close();
  }
}
