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
 * Restricts the runs to the run ids of the current batch of a batched join ({@code name $in} the
 * ids, bound at execution), so the right side of {@code ... JOIN runs ON run_id} reads only the
 * runs the left rows ask for.
 */
public final class RunsCorrelatedFilter extends SingleRel implements RunsRel {
  private final CorrelatedRunIds runIds;

  RunsCorrelatedFilter(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, CorrelatedRunIds runIds) {
    super(cluster, traits, input);
    this.runIds = runIds;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RunsCorrelatedFilter(getCluster(), traitSet, sole(inputs), runIds);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("runIds", runIds.describe());
  }

  /** At most one run per id of the batch. */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return Math.min(mq.getRowCount(getInput()), runIds.values().size());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(RunsCosts.FILTER_FACTOR);
  }

  @Override
  public void implement(RunsScanSpec.Builder spec) {
    spec.correlatedRunIds(runIds);
  }
}
