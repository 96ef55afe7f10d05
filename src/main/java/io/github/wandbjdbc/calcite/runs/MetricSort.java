package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.ColumnValueOrder;
import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.client.MetricOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An ORDER BY whose first key is a discovered numeric column (a config or summary key), as a runs
 * scan hands its rows over: the client reads the runs in this order, lazily and proven ({@link
 * MetricOrder}), so the LIMIT above stops reading. This record keeps what the order means in SQL.
 *
 * @param keys the whole ORDER BY, by the scan's column names; the first is the metric
 * @param filterKey the metric's W&B filter key
 * @param orderPath the metric's path in W&B's {@code order} argument
 * @param goal the rows wanted first (OFFSET plus FETCH), which size the first request
 */
record MetricSort(List<MetricSort.SortKey> keys, String filterKey, String orderPath, long goal) {

  /** One key of the ORDER BY, as Calcite's sort reads it. */
  record SortKey(String column, boolean descending, boolean nullsFirst) {
    SortKey {
      Objects.requireNonNull(column, "column is null");
    }

    @Override
    public String toString() {
      return column
          + (descending ? " DESC" : " ASC")
          + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  MetricSort {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("an ORDER BY has at least one key");
    }
    Objects.requireNonNull(filterKey, "filterKey is null");
    Objects.requireNonNull(orderPath, "orderPath is null");
  }

  SortKey metric() {
    return keys.get(0);
  }

  /** The order the client reads rows of {@code columns} in. */
  MetricOrder order(List<RunsColumn> columns, ProjectContext context) {
    return new MetricOrder(
        filterKey,
        orderPath,
        metric().descending(),
        goal,
        new MetricRanking(this, columns, context));
  }

  /** Rows of {@code columns} in this order, each key as a local sort orders it. */
  Comparator<Object[]> rowOrder(List<String> columns) {
    Comparator<Object[]> order = null;
    for (SortKey key : keys) {
      int index = columns.indexOf(key.column());
      if (index < 0) {
        throw new IllegalStateException("ORDER BY column " + key.column() + " is not scanned");
      }
      Comparator<Object[]> next =
          Comparator.comparing(
              row -> row[index], ColumnValueOrder.comparator(key.descending(), key.nullsFirst()));
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }

  /** For EXPLAIN. */
  String describe() {
    List<String> text = new ArrayList<>();
    keys.forEach(k -> text.add(k.toString()));
    return String.join(", ", text)
        + " (order="
        + MetricOrder.hint(metric().descending(), orderPath)
        + " as a hint, proven by runCount), first "
        + goal;
  }
}
