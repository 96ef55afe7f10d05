package io.github.wandbjdbc.calcite.runs;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;

/**
 * Where an ORDER BY puts the NULLs of a runs column, decided as a query is converted from SQL: a
 * bare DESC on a discovered column puts them last when the connection asks for it ({@code
 * descNullsLast}).
 */
public final class MetricNulls {
  private MetricNulls() {}

  /**
   * Whether a DESC without NULLS FIRST or LAST on {@code field} of {@code input} puts NULLs last:
   * when the field is a discovered column of a runs table, as it is (through subqueries and joins,
   * not an expression of it), and that table's connection set {@code descNullsLast}.
   */
  public static boolean lastWhenDescending(RelNode input, int field) {
    RelColumnOrigin origin = input.getCluster().getMetadataQuery().getColumnOrigin(input, field);
    if (origin == null || origin.isDerived()) {
      return false;
    }
    RunsTable table = origin.getOriginTable().unwrap(RunsTable.class);
    return table != null
        && table.settings().descNullsLast()
        && table.columns().get(origin.getOriginColumnOrdinal()).key() != null;
  }
}
