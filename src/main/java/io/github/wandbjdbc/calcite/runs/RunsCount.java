package io.github.wandbjdbc.calcite.runs;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/** {@code COUNT(*)} over an exactly filtered scan, answered by W&B's runCount: no run payload. */
final class RunsCount extends SingleRel implements RunsRel {

  RunsCount(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType) {
    super(cluster, traits, input);
    this.rowType = rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RunsCount(getCluster(), traitSet, sole(inputs), rowType);
  }

  /** The count is computed, from every run. */
  @Override
  public int inputField(int field) {
    return -1;
  }

  @Override
  public boolean limitsRows() {
    return true;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost().multiplyBy(RunsCosts.COUNT_FACTOR);
  }

  @Override
  public void implement(RunsScanSpec.Builder spec) {
    spec.count();
  }
}
