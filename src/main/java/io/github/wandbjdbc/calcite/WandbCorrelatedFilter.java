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
 * Restricts the runs to the run ids of the current batch of a batched join ({@code name $in} the
 * ids, bound at execution), so the right side of {@code ... JOIN runs ON run_id} reads only the
 * runs the left rows ask for.
 */
final class WandbCorrelatedFilter extends SingleRel implements WandbRel {
  private final CorrelatedRunIds runIds;

  WandbCorrelatedFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      CorrelatedRunIds runIds) {
    super(cluster, traits, input);
    this.runIds = runIds;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WandbCorrelatedFilter(getCluster(), traitSet, sole(inputs), runIds);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("runIds", runIds.describe());
  }

  /** At most one run per id of the batch. */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return Math.min(mq.getRowCount(getInput()), runIds.variables().size());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WandbCosts.FILTER_FACTOR);
  }

  @Override
  public void implement(RunScanSpec.Builder spec) {
    WandbRel.implementInput(getInput(), spec);
    spec.correlatedRunIds(runIds);
  }
}
