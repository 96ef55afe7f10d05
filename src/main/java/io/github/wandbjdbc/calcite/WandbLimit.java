package io.github.wandbjdbc.calcite;

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
final class WandbLimit extends SingleRel implements WandbRel {
  private final long runs;
  private final String order;

  WandbLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, long runs, String order) {
    super(cluster, traits, input);
    this.runs = runs;
    this.order = order;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WandbLimit(getCluster(), traitSet, sole(inputs), runs, order);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("limit", runs).itemIf("order", order, order != null);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return Math.min(runs, mq.getRowCount(getInput()));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WandbCosts.LIMIT_FACTOR);
  }

  @Override
  public void implement(RunScanSpec.Builder spec) {
    WandbRel.implementInput(getInput(), spec);
    spec.limit(runs);
    if (order != null) {
      spec.order(order);
    }
  }
}
