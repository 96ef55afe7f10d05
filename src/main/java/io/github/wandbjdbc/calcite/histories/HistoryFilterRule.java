package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.RuleConfig;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;

/**
 * Pushes the run and step conjuncts of a filter over a history scan into it. The filter stays: the
 * scan only reads less, SQL still decides which rows pass.
 */
final class HistoryFilterRule extends RelRule<RuleConfig> {
  static final HistoryFilterRule RULE =
      new HistoryFilterRule(
          new RuleConfig(
              "HistoryFilterRule",
              b ->
                  b.operand(Filter.class)
                      .oneInput(s -> s.operand(HistoryTableScan.class).noInputs()),
              HistoryFilterRule::new));

  private HistoryFilterRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    HistoryTableScan scan = call.rel(1);
    HistoryPushdown pushdown = new HistoryPushdown(scan);
    if (pushdown.add(filter.getCondition(), filter.getCluster().getRexBuilder())) {
      call.transformTo(
          filter.copy(filter.getTraitSet(), scan.withPushdown(pushdown), filter.getCondition()));
    }
  }
}
