package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.RewriteRule;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code SELECT COUNT(*) FROM runs [WHERE ...]} answered by W&B's runCount. The count's input is
 * asked for in W&B's convention, which only exists when W&B computes it exactly (a filter that W&B
 * only approximates leaves a Calcite filter in between), so no remaining predicate can change the
 * count.
 */
final class RunsCountRule {
  static final RelOptRule RULE =
      RewriteRule.matching(
          "RunsCountRule",
          LogicalAggregate.class,
          RunsCountRule::isCountStar,
          RunsCountRule::counted);

  private RunsCountRule() {}

  private static boolean isCountStar(LogicalAggregate aggregate) {
    if (!aggregate.getGroupSet().isEmpty() || aggregate.getAggCallList().size() != 1) {
      return false;
    }
    AggregateCall call = aggregate.getAggCallList().get(0);
    return call.getAggregation().getKind() == SqlKind.COUNT
        && call.getArgList().isEmpty()
        && !call.isDistinct()
        && !call.hasFilter();
  }

  private static RelNode counted(LogicalAggregate aggregate) {
    RelNode input = aggregate.getInput();
    if (!(PlanLineage.scan(input) instanceof RunsTableScan)) {
      return null;
    }
    RelNode wandbInput = RunsRules.inWandbConvention(input);
    return new RunsCount(
        aggregate.getCluster(), wandbInput.getTraitSet(), wandbInput, aggregate.getRowType());
  }
}
