package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Turns the client's lazy run iterator into rows of the requested columns: Object[], or the
 * bare value for a single column, as Calcite expects.
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
    current = row.length == 1 ? row[0] : row;
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
