package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.FlatLists;

/**
 * Turns the client's lazy run iterator into rows of the requested columns in the format Calcite
 * expects ({@code JavaRowFormat.optimize}): Object[], the bare value for a single column, and an
 * empty comparable list when no column is needed (a COUNT over a LIMIT).
 */
final class RunEnumerator implements Enumerator<Object> {
  private final RunIterator runs;
  private final List<ColumnDef> columns;
  private final RunTableContext context;
  private final AtomicBoolean cancelFlag;
  private Object current;

  RunEnumerator(RunIterator runs, List<ColumnDef> columns, RunTableContext context,
      AtomicBoolean cancelFlag) {
    this.runs = runs;
    this.columns = columns;
    this.context = context;
    this.cancelFlag = cancelFlag;
  }

  @Override
  public Object current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    if (cancelFlag != null && cancelFlag.get()) {
      // Ending quietly would look like a complete (but short) answer.
      throw new QueryCanceledException();
    }
    if (!runs.hasNext()) {
      return false;
    }
    Run run = runs.next();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = columns.get(i).value(run, context);
    }
    current = switch (row.length) {
      case 0 -> FlatLists.COMPARABLE_EMPTY_LIST;
      case 1 -> row[0];
      default -> row;
    };
    return true;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a W&B run scan cannot be rewound");
  }

  @Override
  public void close() {
    runs.close();
  }
}
