package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.RewriteRule;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;

/**
 * Pushes the run and step conjuncts of a filter over a history scan into it. The filter stays: the
 * scan only reads less, SQL still decides which rows pass.
 */
final class HistoryFilterRule {
  static final RelOptRule RULE =
      RewriteRule.aboveLeaf(
          "HistoryFilterRule", Filter.class, HistoryTableScan.class, HistoryFilterRule::pushedDown);

  private HistoryFilterRule() {}

  private static RelNode pushedDown(Filter filter, HistoryTableScan scan) {
    HistoryPushdown pushdown = new HistoryPushdown(scan);
    if (!pushdown.add(filter.getCondition(), filter.getCluster().getRexBuilder())) {
      return null;
    }
    return filter.copy(filter.getTraitSet(), scan.withPushdown(pushdown), filter.getCondition());
  }
}
