package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.RuleConfig;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
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
final class RunsCountRule extends RelRule<RuleConfig> {
  static final RunsCountRule RULE =
      new RunsCountRule(
          new RuleConfig(
              "RunsCountRule",
              b0 ->
                  b0.operand(LogicalAggregate.class)
                      .predicate(RunsCountRule::isCountStar)
                      .anyInputs(),
              config -> new RunsCountRule(config)));

  private RunsCountRule(RuleConfig config) {
    super(config);
  }

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

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    RelNode input = aggregate.getInput();
    if (!(PlanLineage.scan(input) instanceof RunsTableScan)) {
      return;
    }
    RelNode wandbInput = convert(input, input.getTraitSet().replace(RunsRel.CONVENTION));
    call.transformTo(
        new RunsCount(
            aggregate.getCluster(), wandbInput.getTraitSet(), wandbInput, aggregate.getRowType()));
  }
}
