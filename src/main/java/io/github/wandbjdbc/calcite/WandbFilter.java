package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The part of a WHERE clause W&B evaluates, as a W&B filter document. When {@code exact} is false
 * the document selects a superset and Calcite re-checks the original predicate above.
 */
final class WandbFilter extends SingleRel implements WandbRel {
  private final ObjectNode filter;
  private final boolean exact;
  private final RexNode sqlCondition;

  /**
   * @param sqlCondition the whole SQL condition this filter comes from; only its selectivity is
   *     used, so that W&B filtering looks at least as selective as Calcite filtering would
   */
  WandbFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, ObjectNode filter,
      boolean exact, RexNode sqlCondition) {
    super(cluster, traits, input);
    this.filter = filter;
    this.exact = exact;
    this.sqlCondition = sqlCondition;
  }

  /** Whether W&B selects exactly the SQL rows, so that LIMIT and COUNT may be pushed too. */
  boolean exact() {
    return exact;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WandbFilter(getCluster(), traitSet, sole(inputs), filter, exact, sqlCondition);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("filters", filter.toString()).item("exact", exact);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return mq.getRowCount(getInput()) * RelMdUtil.guessSelectivity(sqlCondition);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(WandbCosts.FILTER_FACTOR);
  }

  @Override
  public void implement(RunScanSpec.Builder spec) {
    WandbRel.implementInput(getInput(), spec);
    spec.filter(filter);
  }
}
