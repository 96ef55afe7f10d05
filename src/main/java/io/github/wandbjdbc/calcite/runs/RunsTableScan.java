package io.github.wandbjdbc.calcite.runs;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Every run of one project, every column; the starting point the W&B rules narrow. It may carry a
 * hint for EXPLAIN about how the query could read less ({@link MetricNulls}).
 */
final class RunsTableScan extends TableScan implements RunsRel {
  private final RunsTable runsTable;
  private final String hint;

  RunsTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, RunsTable runs) {
    this(cluster, traits, table, runs, null);
  }

  private RunsTableScan(
      RelOptCluster cluster, RelTraitSet traits, RelOptTable table, RunsTable runs, String hint) {
    super(cluster, traits, List.of(), table);
    this.runsTable = runs;
    this.hint = hint;
  }

  RunsTableScan withHint(String text) {
    return new RunsTableScan(getCluster(), getTraitSet(), getTable(), runsTable, text);
  }

  RunsTable runsTable() {
    return runsTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("hint", hint, hint != null);
  }

  @Override
  public void register(RelOptPlanner planner) {
    RunsRules.register(planner, runsTable.settings().pushdown());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return RunsCosts.RUNS_PER_PROJECT;
  }

  /** The width of what is read is costed where rows leave W&B, in the converter. */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeCost(RunsCosts.RUNS_PER_PROJECT, 1, 0);
  }

  @Override
  public void implement(RunsScanSpec.Builder spec) {
    spec.scan(getTable(), runsTable);
  }
}
