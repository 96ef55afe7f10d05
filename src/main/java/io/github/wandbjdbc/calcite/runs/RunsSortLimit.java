package io.github.wandbjdbc.calcite.runs;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * At most {@code runs} runs (OFFSET plus FETCH), optionally the first ones in a W&B order. Only
 * placed over an exact filter: the SQL Sort above it still applies OFFSET, FETCH and the order.
 */
final class RunsSortLimit extends SingleRel implements RunsRel {
  private final long runs;
  private final String order;

  RunsSortLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, long runs, String order) {
    super(cluster, traits, input);
    this.runs = runs;
    this.order = order;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RunsSortLimit(getCluster(), traitSet, sole(inputs), runs, order);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("limit", runs).itemIf("order", order, order != null);
  }

  @Override
  public boolean limitsRows() {
    return true;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return Math.min(runs, mq.getRowCount(getInput()));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(RunsCosts.LIMIT_FACTOR);
  }

  @Override
  public void implement(RunsScanSpec.Builder spec) {
    spec.limit(runs);
    if (order != null) {
      spec.order(order);
    }
  }
}
