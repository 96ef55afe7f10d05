package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.filter.ValueSlots;
import io.github.wandbjdbc.calcite.histories.HistoryScanSpec.StepBound;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Finds, in a filter over a history scan, the conjuncts that narrow what the scan reads: {@code
 * run_id} equal to one of some values (=, IN, an OR of equalities such as a batch join sends) and
 * {@code _step} compared with a whole number. Values are literals, {@code ?} parameters or
 * correlation variables, read when the scan starts. The whole filter stays above the scan, so these
 * only ever narrow and SQL re-checks every row.
 */
final class HistoryPushdown {
  private final List<String> columnNames;
  private final ValueSlots slots;
  private final List<List<Integer>> runIdGroups;
  private final List<StepBound> stepBounds;
  private final List<String> requiredColumns;

  /** Starts from what {@code scan} already pushes; slots keep their numbers. */
  HistoryPushdown(HistoryTableScan scan) {
    this.columnNames = scan.getRowType().getFieldNames();
    this.slots = new ValueSlots(scan.values());
    this.runIdGroups = new ArrayList<>(scan.spec().runIdGroups());
    this.stepBounds = new ArrayList<>(scan.spec().stepBounds());
    this.requiredColumns = new ArrayList<>(scan.spec().requiredColumns());
  }

  List<RexNode> values() {
    return slots.values();
  }

  List<List<Integer>> runIdGroups() {
    return runIdGroups;
  }

  List<StepBound> stepBounds() {
    return stepBounds;
  }

  List<String> requiredColumns() {
    return requiredColumns;
  }

  /** Adds what {@code condition} narrows; returns whether anything was new. */
  boolean add(RexNode condition, RexBuilder rexBuilder) {
    boolean added = false;
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
      added |= addRunIds(conjunct) | addStepBounds(conjunct) | addRequiredColumns(conjunct);
    }
    return added;
  }

  /**
   * The columns {@code conjunct} cannot be true without ({@code IS NOT NULL}, comparisons): rows
   * lacking them fail the filter, so the scan need not read rows that hold none of its keys.
   */
  private boolean addRequiredColumns(RexNode conjunct) {
    boolean added = false;
    for (int i : RelOptUtil.InputFinder.bits(conjunct)) {
      String name = columnNames.get(i);
      // run_id and _step are in every row; only logged keys can be missing.
      if (!name.equals(HistoryColumn.RUN_ID)
          && !name.equals(HistoryColumn.STEP)
          && !requiredColumns.contains(name)
          && Strong.isNotTrue(conjunct, ImmutableBitSet.of(i))) {
        requiredColumns.add(name);
        added = true;
      }
    }
    return added;
  }

  private boolean addRunIds(RexNode conjunct) {
    List<RexNode> arms = RelOptUtil.disjunctions(conjunct);
    List<RexNode> armValues = new ArrayList<>(arms.size());
    for (RexNode arm : arms) {
      RexNode value =
          arm.getKind() == SqlKind.EQUALS
              ? comparedValue((RexCall) arm, HistoryColumn.RUN_ID)
              : null;
      if (value == null || (value instanceof RexLiteral literal && literal.isNull())) {
        return false;
      }
      armValues.add(value);
    }
    if (armValues.stream().allMatch(slots::contains)
        && runIdGroups.contains(armValues.stream().map(slots::indexOf).toList())) {
      return false;
    }
    runIdGroups.add(armValues.stream().map(slots::slot).toList());
    return true;
  }

  private boolean addStepBounds(RexNode conjunct) {
    if (!(conjunct instanceof RexCall call)
        || call.getOperands().size() != 2
        || !columnNames.contains(HistoryColumn.STEP)) {
      return false;
    }
    RexNode value = comparedValue(call, HistoryColumn.STEP);
    if (value == null || !isWholeNumber(value)) {
      return false;
    }
    boolean stepOnLeft = isColumn(call.getOperands().get(0), HistoryColumn.STEP);
    SqlKind kind = stepOnLeft ? call.getKind() : call.getKind().reverse();
    int known = slots.indexOf(value);
    int slot = known >= 0 ? known : slots.size();
    List<StepBound> bounds =
        switch (kind) {
          case EQUALS -> List.of(new StepBound(slot, true, true), new StepBound(slot, false, true));
          case GREATER_THAN -> List.of(new StepBound(slot, true, false));
          case GREATER_THAN_OR_EQUAL -> List.of(new StepBound(slot, true, true));
          case LESS_THAN -> List.of(new StepBound(slot, false, false));
          case LESS_THAN_OR_EQUAL -> List.of(new StepBound(slot, false, true));
          default -> List.of();
        };
    if (bounds.isEmpty() || stepBounds.containsAll(bounds)) {
      return false;
    }
    slots.slot(value);
    bounds.stream().filter(b -> !stepBounds.contains(b)).forEach(stepBounds::add);
    return true;
  }

  /** The value side of a comparison whose other side is {@code column}, or null. */
  private RexNode comparedValue(RexCall call, String column) {
    if (call.getOperands().size() != 2) {
      return null;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (isColumn(left, column) && isValue(right)) {
      return right;
    }
    return isColumn(right, column) && isValue(left) ? left : null;
  }

  private boolean isColumn(RexNode node, String column) {
    return node instanceof RexInputRef ref && columnNames.get(ref.getIndex()).equals(column);
  }

  /** Known when the scan starts: a literal, a {@code ?} or a correlation variable's field. */
  private static boolean isValue(RexNode node) {
    return node instanceof RexLiteral
        || node instanceof RexDynamicParam
        || (node instanceof RexFieldAccess access
            && access.getReferenceExpr() instanceof RexCorrelVariable);
  }

  /** A step bound must be whole: a fractional literal or a non-numeric value is not pushed. */
  private static boolean isWholeNumber(RexNode value) {
    if (!SqlTypeFamily.EXACT_NUMERIC.contains(value.getType())) {
      return false;
    }
    if (value instanceof RexLiteral literal) {
      BigDecimal number = literal.getValueAs(BigDecimal.class);
      return number != null && number.stripTrailingZeros().scale() <= 0;
    }
    return true;
  }
}
