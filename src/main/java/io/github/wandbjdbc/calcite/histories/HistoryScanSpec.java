package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.RowGoal;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;

/**
 * What a history scan reads, as the planner settled it. Values that narrow it (run ids, step
 * bounds) may be literals, {@code ?} parameters or a batch join's correlation variables, so they
 * are only known when the scan starts: the spec refers to them by slot, an index into the values
 * the generated code passes along. Generated code receives it as a parameter (not a constant), so
 * queries that differ only in pushed values share one compiled class.
 *
 * @param columns output columns, by name, in output order
 * @param runIdGroups the run must be one of the values of each group's slots (groups are conjuncts,
 *     a group's slots a disjunction); empty = every run
 * @param stepBounds conjuncts bounding {@code _step}
 * @param requiredColumns columns a pushed filter keeps only non-null rows of: rows without their
 *     keys need not be read
 * @param ordered whether rows must come in {@code (run_id, _step)} order
 * @param limit the most rows a LIMIT right above the scan takes (its offset included); 0 = none
 * @param feedsResult whether the scan's rows reach the result one by one ({@link
 *     RowGoal#aimAtResult}): only then do the statement's maxRows and fetch size count its rows
 */
public record HistoryScanSpec(
    HistoryKind kind,
    List<String> columns,
    List<List<Integer>> runIdGroups,
    List<StepBound> stepBounds,
    List<String> requiredColumns,
    boolean ordered,
    long limit,
    boolean feedsResult) {

  public HistoryScanSpec {
    requiredColumns = List.copyOf(requiredColumns);
    columns = List.copyOf(columns);
    runIdGroups = runIdGroups.stream().map(List::copyOf).toList();
    stepBounds = List.copyOf(stepBounds);
  }

  /** {@code _step >= value} ({@code lower}) or {@code _step < value} (exclusive upper). */
  public record StepBound(int slot, boolean lower, boolean inclusive) {}

  HistoryScanSpec withColumns(List<String> columns) {
    return new HistoryScanSpec(
        kind, columns, runIdGroups, stepBounds, requiredColumns, ordered, limit, feedsResult);
  }

  /** This spec narrowed to what a filter pushes (replacing what was pushed before). */
  HistoryScanSpec withPushdown(
      List<List<Integer>> runIdGroups, List<StepBound> stepBounds, List<String> requiredColumns) {
    return new HistoryScanSpec(
        kind, columns, runIdGroups, stepBounds, requiredColumns, ordered, limit, feedsResult);
  }

  HistoryScanSpec withOrder(boolean ordered, long limit) {
    return new HistoryScanSpec(
        kind, columns, runIdGroups, stepBounds, requiredColumns, ordered, limit, feedsResult);
  }

  HistoryScanSpec feedingResult() {
    return new HistoryScanSpec(
        kind, columns, runIdGroups, stepBounds, requiredColumns, ordered, limit, true);
  }

  /** The run names the scan is limited to, or null for every run; nulls never match. */
  Set<String> runIds(Object[] values) {
    Set<String> allowed = null;
    for (List<Integer> group : runIdGroups) {
      Set<String> any = new LinkedHashSet<>();
      for (int slot : group) {
        if (values[slot] != null) {
          any.add(values[slot].toString());
        }
      }
      if (allowed == null) {
        allowed = any;
      } else {
        allowed.retainAll(any);
      }
    }
    return allowed;
  }

  /** The first step to read (inclusive); a null value bounds nothing (SQL then keeps no row). */
  long minStep(Object[] values) {
    long min = 0;
    for (StepBound bound : stepBounds) {
      Long value = bound.lower() ? step(values[bound.slot()]) : null;
      if (value != null) {
        min = Math.max(min, bound.inclusive() ? value : saturatedIncrement(value));
      }
    }
    return min;
  }

  /** The step after the last to read (exclusive), at most {@code Long.MAX_VALUE}. */
  long endStep(Object[] values) {
    long end = Long.MAX_VALUE;
    for (StepBound bound : stepBounds) {
      Long value = bound.lower() ? null : step(values[bound.slot()]);
      if (value != null) {
        end = Math.min(end, bound.inclusive() ? saturatedIncrement(value) : value);
      }
    }
    return end;
  }

  private static long saturatedIncrement(long value) {
    return value == Long.MAX_VALUE ? value : value + 1;
  }

  /** A bound's value as a whole step; a fractional one narrows nothing (it is never pushed). */
  private static Long step(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  /** The rows to ask for first ({@link RowGoal}); 0 when unknown. */
  long firstRows(DataContext root) {
    return feedsResult ? RowGoal.firstRows(root, limit) : limit;
  }

  /** The request as EXPLAIN shows it; {@code values} are the slot expressions' texts. */
  String describe(List<String> values) {
    StringBuilder text = new StringBuilder(kind.tableName()).append("(columns=").append(columns);
    for (List<Integer> group : runIdGroups) {
      text.append(", run_id in ").append(group.stream().map(values::get).toList());
    }
    for (StepBound bound : stepBounds) {
      text.append(", _step ")
          .append(bound.lower() ? ">" : "<")
          .append(bound.inclusive() ? "=" : "")
          .append(" ")
          .append(values.get(bound.slot()));
    }
    if (!requiredColumns.isEmpty()) {
      text.append(", rows holding ").append(requiredColumns);
    }
    if (ordered) {
      text.append(", in run_id, _step order");
    }
    if (limit > 0) {
      text.append(", first ").append(limit).append(" rows");
    }
    return text.append(")").toString();
  }
}
