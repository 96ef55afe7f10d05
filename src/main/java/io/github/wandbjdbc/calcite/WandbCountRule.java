package io.github.wandbjdbc.calcite;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code SELECT COUNT(*) FROM runs [WHERE ...]} answered by W&B's runCount. The count's input is
 * asked for in W&B's convention, which only exists when W&B computes it exactly (a filter that
 * W&B only approximates leaves a Calcite filter in between), so no remaining predicate can change
 * the count.
 */
final class WandbCountRule extends RelRule<WandbRuleConfig> {
  static final WandbCountRule RULE = new WandbCountRule(new WandbRuleConfig(
      "WandbCountRule",
      b0 -> b0.operand(LogicalAggregate.class).predicate(WandbCountRule::isCountStar).anyInputs(),
      config -> new WandbCountRule(config)));

  private WandbCountRule(WandbRuleConfig config) {
    super(config);
  }

  private static boolean isCountStar(LogicalAggregate aggregate) {
    if (!aggregate.getGroupSet().isEmpty() || aggregate.getAggCallList().size() != 1) {
      return false;
    }
    AggregateCall call = aggregate.getAggCallList().get(0);
    return call.getAggregation().getKind() == SqlKind.COUNT && call.getArgList().isEmpty()
        && !call.isDistinct() && !call.hasFilter();
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    RelNode input = aggregate.getInput();
    if (WandbRules.runsTableOf(input) == null) {
      return;
    }
    RelNode wandbInput = convert(input, input.getTraitSet().replace(WandbRel.CONVENTION));
    call.transformTo(new WandbCount(aggregate.getCluster(), wandbInput.getTraitSet(), wandbInput,
        aggregate.getRowType()));
  }
}
