package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.RunField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.plan.RelOptTable;

/**
 * The W&B request a runs scan sends, as the planner settled it: which columns it returns (and so
 * which heavy fields it asks for), the filter (possibly holding placeholders of {@code ?}
 * parameters), the order, at most how many runs, or only their count. It reaches generated code
 * as a parameter (a stashed value), not a constant, so that queries differing only in what they
 * send W&B share their generated code and, with Calcite's cache, its compiled class.
 *
 * @param columns output columns, by name, in output order
 * @param filter the W&B filter document, or null for every run
 * @param order the W&B order string, or null for W&B's default
 * @param limit at most this many runs, or -1
 * @param count whether only the number of matching runs is wanted
 * @param correlatedRunIds when a batched join drives the scan, the left field whose batch of
 *     values restricts the runs (passed to {@link RunsTable#query} at execution); else null
 */
public record RunScanSpec(List<String> columns, ObjectNode filter, String order, long limit,
    boolean count, CorrelatedRunIds correlatedRunIds) {
  public RunScanSpec {
    columns = List.copyOf(columns);
  }

  /** The heavy W&B fields the columns need. */
  Set<RunField> heavyFields(List<ColumnDef> table) {
    Set<RunField> heavy = EnumSet.noneOf(RunField.class);
    for (ColumnDef column : table) {
      if (column.heavyField() != null && columns.contains(column.name())) {
        heavy.add(column.heavyField());
      }
    }
    return heavy;
  }

  /** The request as EXPLAIN shows it (never a secret: the spec holds none). */
  String describe(List<ColumnDef> table) {
    String filterText = filter == null ? "{}" : filter.toString();
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
    if (limit >= 0) {
      text.append(", limit=").append(limit);
    }
    List<String> heavy = new ArrayList<>();
    heavyFields(table).forEach(f -> heavy.add(f.name().toLowerCase(java.util.Locale.ROOT)));
    return text.append(", heavyFields=").append(heavy).append(")").toString();
  }

  /** Collects a spec while the W&B operators of a plan are visited, scan first. */
  static final class Builder {
    private RelOptTable table;
    private RunsTable runsTable;
    private List<String> columns = List.of();
    private ObjectNode filter;
    private String order;
    private long limit = -1;
    private boolean count;
    private CorrelatedRunIds correlatedRunIds;

    void scan(RelOptTable relOptTable, RunsTable runs) {
      table = relOptTable;
      runsTable = runs;
      columns = runs.columns().stream().map(ColumnDef::name).toList();
    }

    RelOptTable table() {
      return table;
    }

    RunsTable runsTable() {
      return runsTable;
    }

    void project(List<Integer> fields) {
      List<String> projected = new ArrayList<>(fields.size());
      fields.forEach(i -> projected.add(columns.get(i)));
      columns = projected;
    }

    void filter(ObjectNode pushed) {
      filter = Objects.requireNonNull(pushed, "pushed filter is null");
    }

    void order(String wandbOrder) {
      order = wandbOrder;
    }

    void limit(long runs) {
      limit = limit < 0 ? runs : Math.min(limit, runs);
    }

    void count() {
      count = true;
    }

    void correlatedRunIds(CorrelatedRunIds runIds) {
      correlatedRunIds = Objects.requireNonNull(runIds, "runIds is null");
    }

    RunScanSpec build() {
      return new RunScanSpec(columns, filter, order, limit, count, correlatedRunIds);
    }
  }
}
