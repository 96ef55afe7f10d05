package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunRanking;
import java.util.Comparator;
import java.util.List;

/**
 * Where SQL puts each run under a {@link MetricSort}: a run's key is its row of the scan's columns,
 * ordered by the whole ORDER BY; NULL, NaN and the infinities go where SQL sorts them.
 */
final class MetricRanking implements RunRanking<Object[]> {
  private final List<RunsColumn> columns;
  private final ProjectContext context;
  private final int metricIndex;
  private final MetricSort.SortKey metric;
  private final Comparator<Object[]> order;

  MetricRanking(MetricSort sort, List<RunsColumn> columns, ProjectContext context) {
    this.columns = columns;
    this.context = context;
    List<String> names = columns.stream().map(RunsColumn::name).toList();
    this.metric = sort.metric();
    this.metricIndex = names.indexOf(metric.column());
    this.order = sort.rowOrder(names);
  }

  @Override
  public Object[] key(Run run) {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = columns.get(i).value(run, context);
    }
    return row;
  }

  @Override
  public Comparator<Object[]> order() {
    return order;
  }

  @Override
  public Double number(Object[] row) {
    Object value = row[metricIndex];
    if (value instanceof Long number) {
      return number.doubleValue();
    }
    return value instanceof Double number && Double.isFinite(number) ? number : null;
  }

  @Override
  public boolean isNull(Object[] row) {
    return row[metricIndex] == null;
  }

  /**
   * NULL goes where the key says; NaN and +Infinity are the highest values, -Infinity the lowest.
   */
  @Override
  public boolean beforeNumbers(Object[] row) {
    Object value = row[metricIndex];
    if (value == null) {
      return metric.nullsFirst();
    }
    double number = ((Number) value).doubleValue();
    boolean high = Double.isNaN(number) || number > 0;
    return high == metric.descending();
  }
}
