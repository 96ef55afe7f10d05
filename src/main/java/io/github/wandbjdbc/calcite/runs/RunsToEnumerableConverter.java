package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.RowGoal;
import io.github.wandbjdbc.calcite.RowGoalScan;
import io.github.wandbjdbc.calcite.ScanCode;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.runtime.Hook;

/**
 * Where the runs operators meet generated code: collects their request into a {@link RunsScanSpec},
 * publishes it on {@link Hook#QUERY_PLAN} (and in EXPLAIN), and has {@link ScanCode} call {@link
 * RunsTable#query} with it.
 */
final class RunsToEnumerableConverter extends ConverterImpl implements EnumerableRel, RowGoalScan {
  private static final Method QUERY =
      Types.lookupMethod(
          RunsTable.class, "query", DataContext.class, RunsScanSpec.class, Object[].class);

  /** Whether the runs reach the result one by one ({@link RowGoal#aimAtResult}). */
  private final boolean feedsResult;

  RunsToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    this(cluster, traits, input, false);
  }

  private RunsToEnumerableConverter(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, boolean feedsResult) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    this.feedsResult = feedsResult;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RunsToEnumerableConverter(getCluster(), traitSet, sole(inputs), feedsResult);
  }

  @Override
  public RelNode feedingResult() {
    return new RunsToEnumerableConverter(getCluster(), getTraitSet(), getInput(), true);
  }

  /**
   * Moving rows out of W&B costs in proportion to their width, so that of two equivalent plans the
   * one requesting fewer columns (above all, no unused heavy JSON fields) wins. Rows handed over in
   * an order ({@link RunsMetricOrder}) are read only as far as a LIMIT above takes them, which is
   * what makes that plan cheaper than reading every run for a local top-N.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double width = getInput().getRowType().getFieldCount() + 1.0;
    boolean ordered = !getTraitSet().getCollation().getFieldCollations().isEmpty();
    return super.computeSelfCost(planner, mq)
        .multiplyBy(
            RunsCosts.CONVERTER_FACTOR * width * (ordered ? RunsCosts.ORDERED_READ_FACTOR : 1));
  }

  /**
   * In a finished plan (EXPLAIN), shows the request; while planning, the input is a planner
   * placeholder (a set or a vertex), and the digest must not depend on what it holds.
   */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter writer = super.explainTerms(pw);
    if (!(getInput() instanceof RunsRel)) {
      return writer;
    }
    return writer.item("request", collect().describe());
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    RunsScanSpec.Builder collected = collect();
    Hook.QUERY_PLAN.run(collected.describe());
    return ScanCode.implement(
        implementor,
        pref,
        getRowType(),
        collected.table(),
        QUERY,
        collected.build(feedsResult),
        RunsScanSpec.class,
        collected.values(),
        getCluster().getRexBuilder());
  }

  /** After planning, the input is a chain of runs operators down to the scan. */
  private RunsScanSpec.Builder collect() {
    Deque<RunsRel> chain = new ArrayDeque<>();
    for (RelNode node = getInput();
        node instanceof RunsRel rel;
        node = node.getInputs().isEmpty() ? null : node.getInput(0)) {
      chain.push(rel);
    }
    RunsScanSpec.Builder spec = new RunsScanSpec.Builder();
    chain.forEach(rel -> rel.implement(spec));
    return spec;
  }
}
