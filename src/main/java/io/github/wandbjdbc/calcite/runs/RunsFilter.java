package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.filter.PushedFilter;
import io.github.wandbjdbc.calcite.filter.ValueSlots;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * The part of a WHERE clause W&B evaluates, as a W&B filter whose slots index {@code values} (the
 * {@code ?} parameters it compares with). When {@code exact} is false the filter selects a superset
 * and Calcite re-checks the original predicate above.
 */
final class RunsFilter extends SingleRel implements RunsRel {
  private final PushedFilter filter;
  private final List<RexNode> values;
  private final boolean exact;
  private final RexNode sqlCondition;

  /**
   * @param sqlCondition the whole SQL condition this filter comes from; only its selectivity is
   *     used, so that W&B filtering looks at least as selective as Calcite filtering would
   */
  RunsFilter(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      PushedFilter filter,
      List<RexNode> values,
      boolean exact,
      RexNode sqlCondition) {
    super(cluster, traits, input);
    this.filter = filter;
    this.values = List.copyOf(values);
    this.exact = exact;
    this.sqlCondition = sqlCondition;
  }

  /** Whether W&B selects exactly the SQL rows, so that LIMIT and COUNT may be pushed too. */
  boolean exact() {
    return exact;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RunsFilter(
        getCluster(), traitSet, sole(inputs), filter, values, exact, sqlCondition);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("filters", filter.describe())
        .itemIf("values", ValueSlots.describe(values), !values.isEmpty())
        .item("exact", exact);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return mq.getRowCount(getInput()) * RelMdUtil.guessSelectivity(sqlCondition);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(RunsCosts.FILTER_FACTOR);
  }

  @Override
  public void implement(RunsScanSpec.Builder spec) {
    spec.filter(filter, values);
  }
}
