package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelColumnOrigin;

/**
 * Where an ORDER BY puts the NULLs of a runs column, decided as a query is converted from SQL: a
 * bare DESC on a discovered column puts them last when the connection asks for it ({@code
 * descNullsLast}), and a top-N that NULLS FIRST keeps from being proven says so in EXPLAIN.
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

  /**
   * {@code input} of a top-N whose first key is {@code first}, NULLS FIRST, with its runs scan
   * carrying an EXPLAIN hint when that key is a metric the scan would have read in order under
   * NULLS LAST ({@link RunsMetricOrderRule}), reading a page and a count instead of every run; else
   * {@code input} itself.
   *
   * @param bareDesc whether the query wrote DESC alone, so that {@code descNullsLast} would help
   */
  public static RelNode hinted(RelNode input, RelFieldCollation first, boolean bareDesc) {
    Double most = input.getCluster().getMetadataQuery().getMaxRowCount(input);
    if (most != null && most < Double.POSITIVE_INFINITY) {
      return input; // a LIMIT below bounds the read already
    }
    PlanLineage.Origin origin = PlanLineage.origin(input, first.getFieldIndex());
    if (origin == null
        || !(origin.scan() instanceof RunsTableScan scan)
        || !scan.runsTable().settings().pushdown()) {
      return input;
    }
    RunsColumn metric = scan.runsTable().columns().get(origin.field());
    if (!RunsMetricOrderRule.provable(metric)) {
      return input;
    }
    RunsTableScan marked = scan.withHint(hint(metric, first, bareDesc));
    return input.accept(
        new RelShuttleImpl() {
          @Override
          public RelNode visit(TableScan other) {
            return other == scan ? marked : other;
          }
        });
  }

  private static String hint(RunsColumn metric, RelFieldCollation first, boolean bareDesc) {
    String better =
        "ORDER BY \""
            + metric.name().replace("\"", "\"\"")
            + (first.getDirection().isDescending() ? "\" DESC" : "\" ASC")
            + " NULLS LAST";
    return bareDesc
        ? "DESC puts NULLs first, which reads the whole listing; "
            + better
            + " (or descNullsLast=true) usually takes 2 requests"
        : "NULLS FIRST reads the whole listing; " + better + " usually takes 2 requests";
  }
}
