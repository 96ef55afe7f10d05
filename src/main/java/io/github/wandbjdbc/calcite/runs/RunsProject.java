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
import org.apache.calcite.rel.type.RelDataType;

/**
 * A selection of the input's columns, so the request names only the heavy W&B fields the query uses
 * (the Python client's lazy mode, decided by the SQL).
 */
final class RunsProject extends SingleRel implements RunsRel {
  private final List<Integer> fields;

  RunsProject(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      List<Integer> fields,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.fields = List.copyOf(fields);
    this.rowType = rowType;
  }

  @Override
  public int inputField(int field) {
    return fields.get(field);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RunsProject(getCluster(), traitSet, sole(inputs), fields, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("columns", rowType.getFieldNames());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double width = (double) fields.size() / Math.max(1, getInput().getRowType().getFieldCount());
    return super.computeSelfCost(planner, mq).multiplyBy(RunsCosts.PROJECT_FACTOR * width);
  }

  @Override
  public void implement(RunsScanSpec.Builder spec) {
    spec.project(fields);
  }
}
