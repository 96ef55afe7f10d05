package io.github.wandbjdbc.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoinRule;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's batched nested-loop join, offered only for joins whose right input reads runs or a
 * history table and whose condition equates a text field of the left with that input's run id. The
 * join binds each batch of left rows to correlation variables and evaluates the right input once
 * per batch, where the table's own rules turn the correlated condition into a restriction to the
 * batch's run ids. Volcano weighs it against the hash join: it wins when few left rows remain.
 *
 * <p>It is not offered when the left side reads a whole table: its run ids are then every run, so
 * reading the right side once (a hash join) costs fewer requests than once per hundred runs, and
 * Calcite's estimates cannot tell a whole project from a filtered one.
 */
public final class BatchJoinRule {
  /** Run ids per W&B request; Calcite's default, well below its generated-code size limit. */
  static final int BATCH_SIZE = 100;

  public static final RelOptRule RULE =
      EnumerableBatchNestedLoopJoinRule.Config.DEFAULT
          .withOperandSupplier(
              b0 ->
                  b0.operand(LogicalJoin.class)
                      .predicate(BatchJoinRule::joinsOnRightRunId)
                      .anyInputs())
          .withDescription("BatchJoinRule")
          .as(EnumerableBatchNestedLoopJoinRule.Config.class)
          .withBatchSize(BATCH_SIZE)
          .toRule();

  private BatchJoinRule() {}

  /**
   * Inner and left joins only: the ones whose rows are a batch's matches, or the left row alone.
   */
  private static boolean joinsOnRightRunId(LogicalJoin join) {
    if (join.getJoinType() != JoinRelType.INNER && join.getJoinType() != JoinRelType.LEFT
        || PlanLineage.readsWholeTable(join.getLeft())) {
      return false;
    }
    // Every scan of this adapter is a LineageStep, and each table keys its rows by run_id.
    int runIdField = PlanLineage.runIdField(join.getRight(), LineageStep.class);
    if (runIdField < 0) {
      return false;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (conjunct.getKind() != SqlKind.EQUALS) {
        continue;
      }
      for (int i = 0; i < 2; i++) {
        RexNode left = ((RexCall) conjunct).getOperands().get(i);
        RexNode right = ((RexCall) conjunct).getOperands().get(1 - i);
        if (left instanceof RexInputRef l
            && l.getIndex() < leftCount
            && l.getType().getSqlTypeName() == SqlTypeName.VARCHAR
            && right instanceof RexInputRef r
            && r.getIndex() == leftCount + runIdField) {
          return true;
        }
      }
    }
    return false;
  }
}
