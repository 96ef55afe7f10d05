package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.RowGoal;
import io.github.wandbjdbc.calcite.filter.PushedFilter;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.RunSelection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rex.RexNode;

/**
 * The W&B request a runs scan sends, as the planner settled it: which columns it returns (and so
 * which fields and keys it asks for), the filter, the order, at most how many runs, or only their
 * count. Values known only at execution ({@code ?} parameters, a batched join's run ids) are slots
 * of the values array the scan's generated code passes along: the filter's slots and {@code
 * runIdSlots} name them. It reaches generated code as a parameter (a stashed value), not a
 * constant, so queries differing only in what they send W&B share their compiled code.
 *
 * @param columns output columns, by name, in output order
 * @param filter the W&B filter, built from the values at execution (a batched join's run ids
 *     included), or null for every run
 * @param order the W&B order string, or null for W&B's default
 * @param limit at most this many runs, or -1
 * @param count whether only the number of matching runs is wanted
 * @param runIdSlots under a batched join, the slots holding the batch's run ids (nulls and repeats
 *     allowed): only those runs are requested; empty otherwise
 * @param feedsResult whether the runs reach the result one by one ({@link RowGoal#aimAtResult}):
 *     only then do the statement's maxRows and fetch size count them
 * @param metricSort the order in which the runs are handed over, proven rather than trusted to W&B,
 *     or null
 */
public record RunsScanSpec(
    List<String> columns,
    PushedFilter filter,
    String order,
    long limit,
    boolean count,
    List<Integer> runIdSlots,
    boolean feedsResult,
    MetricSort metricSort) {
  public RunsScanSpec {
    columns = List.copyOf(columns);
    runIdSlots = List.copyOf(runIdSlots);
  }

  /**
   * The W&B fields and keys the columns need, and nothing else: every operator above the scan reads
   * only these columns, so a filter re-checked or an order applied in Calcite finds its values.
   * Without {@code byKey} (pushdown off) a discovered column asks for its whole field: {@code
   * keys:} is W&B's own selection, and the escape hatch must not depend on it.
   */
  RunSelection selection(List<RunsColumn> table, boolean byKey) {
    Set<RunField> fields = EnumSet.noneOf(RunField.class);
    Set<String> configKeys = new HashSet<>();
    Set<String> summaryKeys = new HashSet<>();
    for (RunsColumn column : table) {
      if (column.field() == null || !columns.contains(column.name())) {
        continue;
      }
      if (column.key() == null || !byKey) {
        fields.add(column.field());
      } else if (column.field() == RunField.CONFIG) {
        configKeys.add(column.key());
      } else {
        summaryKeys.add(column.key());
      }
    }
    return new RunSelection(fields, configKeys, summaryKeys);
  }

  /** Collects a spec while the W&B operators of a plan are visited, scan first. */
  static final class Builder {
    private RelOptTable table;
    private RunsTable runsTable;
    private List<String> columns = List.of();
    private PushedFilter filter;
    private List<RexNode> filterValues = List.of();
    private String order;
    private long limit = -1;
    private boolean count;
    private CorrelatedRunIds correlatedRunIds;
    private MetricSort metricSort;

    void scan(RelOptTable relOptTable, RunsTable runs) {
      table = relOptTable;
      runsTable = runs;
      columns = runs.columns().stream().map(RunsColumn::name).toList();
    }

    List<String> columns() {
      return columns;
    }

    RelOptTable table() {
      return table;
    }

    void project(List<Integer> fields) {
      List<String> projected = new ArrayList<>(fields.size());
      fields.forEach(i -> projected.add(columns.get(i)));
      columns = projected;
    }

    /** A filter whose slots index {@code values}. */
    void filter(PushedFilter pushed, List<RexNode> values) {
      filter = Objects.requireNonNull(pushed, "pushed filter is null");
      filterValues = List.copyOf(values);
    }

    void order(String wandbOrder) {
      order = wandbOrder;
    }

    void limit(long runs) {
      limit = limit < 0 ? runs : Math.min(limit, runs);
    }

    void metricSort(MetricSort sort) {
      metricSort = Objects.requireNonNull(sort, "sort is null");
    }

    void count() {
      count = true;
    }

    void correlatedRunIds(CorrelatedRunIds runIds) {
      correlatedRunIds = Objects.requireNonNull(runIds, "runIds is null");
    }

    /** The filter's values keep their slots; a batch's run ids follow them. */
    List<RexNode> values() {
      List<RexNode> values = new ArrayList<>(filterValues);
      if (correlatedRunIds != null) {
        values.addAll(correlatedRunIds.values());
      }
      return values;
    }

    RunsScanSpec build() {
      return build(false);
    }

    RunsScanSpec build(boolean feedsResult) {
      List<Integer> runIdSlots =
          correlatedRunIds == null
              ? List.of()
              : IntStream.range(
                      filterValues.size(), filterValues.size() + correlatedRunIds.values().size())
                  .boxed()
                  .toList();
      PushedFilter requested =
          correlatedRunIds == null ? filter : PushedFilter.withRunIds(filter, runIdSlots);
      return new RunsScanSpec(
          columns, requested, order, limit, count, runIdSlots, feedsResult, metricSort);
    }

    /** The request as EXPLAIN shows it (never a secret: the spec holds none). */
    String describe() {
      String filterText = filter == null ? "{}" : filter.describe();
      if (correlatedRunIds != null) {
        filterText += " + name $in " + correlatedRunIds.describe();
      }
      if (count) {
        return "runCount(filters=" + filterText + ")";
      }
      StringBuilder text = new StringBuilder("runs(filters=").append(filterText);
      if (order != null) {
        text.append(", order=").append(order);
      }
      if (metricSort != null) {
        text.append(", in ").append(metricSort.describe());
      }
      if (limit >= 0) {
        text.append(", limit=").append(limit);
      }
      RunSelection selection =
          build().selection(runsTable.columns(), runsTable.settings().pushdown());
      List<String> fields = new ArrayList<>();
      selection.fields().forEach(f -> fields.add(f.graphQlName()));
      text.append(", fields=").append(fields);
      if (!selection.configKeys().isEmpty()) {
        text.append(", configKeys=").append(selection.configKeys());
      }
      if (!selection.summaryKeys().isEmpty()) {
        text.append(", summaryKeys=").append(selection.summaryKeys());
      }
      return text.append(")").toString();
    }
  }
}
