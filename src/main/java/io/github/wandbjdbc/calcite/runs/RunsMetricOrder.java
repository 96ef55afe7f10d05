package io.github.wandbjdbc.calcite.runs;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Every run of its input, handed over in the order of its collation, whose first key is a
 * discovered numeric column ({@link MetricSort}). It drops no row, so any filter may sit above it;
 * the reader goes only as far as the rows taken, so a LIMIT above ends the reading.
 */
final class RunsMetricOrder extends SingleRel implements RunsRel {
  private final RunsColumn metric;
  private final long goal;

  RunsMetricOrder(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, RunsColumn metric, long goal) {
    super(cluster, traits, input);
    this.metric = metric;
    this.goal = goal;
  }

  RelCollation collation() {
    return getTraitSet().getTrait(RelCollationTraitDef.INSTANCE);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RunsMetricOrder(getCluster(), traitSet, sole(inputs), metric, goal);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("order", collation()).item("first", goal);
  }

  /**
   * Ordering costs nothing here; what it saves shows in the converter above ({@link RunsCosts}).
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public void implement(RunsScanSpec.Builder spec) {
    List<String> columns = spec.columns();
    List<MetricSort.SortKey> keys =
        collation().getFieldCollations().stream()
            .map(
                key ->
                    new MetricSort.SortKey(
                        columns.get(key.getFieldIndex()),
                        key.getDirection().isDescending(),
                        key.nullDirection == RelFieldCollation.NullDirection.FIRST))
            .toList();
    spec.metricSort(new MetricSort(keys, metric.filterKey(), orderPath(metric), goal));
  }

  /**
   * W&B's order path of a discovered column: {@code summary_metrics.<path>}, or {@code
   * config.<key>.value<rest>} (config values are stored under {@code value}). Only a hint.
   */
  private static String orderPath(RunsColumn column) {
    String filterKey = column.filterKey();
    if (!filterKey.startsWith("config.")) {
      return filterKey;
    }
    String path = filterKey.substring("config.".length());
    int dot = path.indexOf('.');
    return dot < 0
        ? "config." + path + ".value"
        : "config." + path.substring(0, dot) + ".value" + path.substring(dot);
  }
}
