package io.github.wandbjdbc.calcite.runs;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The run ids a runs scan is restricted to by a batched join: one field of the left rows, which
 * Calcite's batch nested-loop join binds to the correlation variables {@code $cor0 .. $corN} before
 * it evaluates the right side. They are values of the scan's request like {@code ?} parameters (its
 * generated code reads them), so the code is the same for every batch.
 *
 * @param values the field of each correlation variable, e.g. {@code [$cor0.run_id, ...]}
 */
record CorrelatedRunIds(List<RexFieldAccess> values) {
  CorrelatedRunIds {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no correlation variables");
    }
  }

  /**
   * The correlated run ids a predicate implies, or null. It must be an equality of the run id field
   * with a field of a correlation variable ({@code $cor0.run_id = $3}), or an OR whose every arm
   * has such an equality as a conjunct, on the same left field.
   *
   * @param runIdField the {@code RexInputRef} index of the run id in the filtered rows
   */
  static Found find(RexNode predicate, int runIdField) {
    List<RexFieldAccess> values = new ArrayList<>();
    int leftField = -1;
    boolean exact = true;
    for (RexNode arm : RelOptUtil.disjunctions(predicate)) {
      List<RexNode> conjuncts = RelOptUtil.conjunctions(arm);
      RexFieldAccess bound = null;
      for (RexNode conjunct : conjuncts) {
        bound = correlatedEquality(conjunct, runIdField);
        if (bound != null) {
          break;
        }
      }
      if (bound == null || (leftField >= 0 && bound.getField().getIndex() != leftField)) {
        return null;
      }
      leftField = bound.getField().getIndex();
      if (!values.contains(bound)) {
        values.add(bound);
      }
      exact &= conjuncts.size() == 1;
    }
    return new Found(new CorrelatedRunIds(values), exact);
  }

  /**
   * What {@link #find} found.
   *
   * @param exact whether the predicate is nothing but the equalities, so that restricting the scan
   *     to the ids is all it does (the run id is NOT NULL; a NULL left value matches nothing)
   */
  record Found(CorrelatedRunIds runIds, boolean exact) {}

  /** The correlation field in {@code runIdField = $corN.f} (either side, text on both), or null. */
  private static RexFieldAccess correlatedEquality(RexNode node, int runIdField) {
    if (node.getKind() != SqlKind.EQUALS) {
      return null;
    }
    List<RexNode> operands = ((RexCall) node).getOperands();
    for (int i = 0; i < 2; i++) {
      if (operands.get(i) instanceof RexInputRef ref
          && ref.getIndex() == runIdField
          && operands.get(1 - i) instanceof RexFieldAccess access
          && access.getReferenceExpr() instanceof RexCorrelVariable
          && access.getType().getSqlTypeName() == SqlTypeName.VARCHAR) {
        return access;
      }
    }
    return null;
  }

  /** For EXPLAIN, e.g. {@code $cor0..$cor99.run_id}. */
  String describe() {
    String first = variable(values.get(0));
    String range =
        values.size() == 1 ? first : first + ".." + variable(values.get(values.size() - 1));
    return range + "." + values.get(0).getField().getName();
  }

  private static String variable(RexFieldAccess access) {
    return ((RexCorrelVariable) access.getReferenceExpr()).getName();
  }
}
