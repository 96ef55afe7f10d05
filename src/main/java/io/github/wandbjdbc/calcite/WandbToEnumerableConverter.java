package io.github.wandbjdbc.calcite;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
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
import org.apache.calcite.schema.Schemas;

/**
 * The one place that generates code for W&B operators: it collects their request into a
 * {@link RunScanSpec}, publishes it on {@link Hook#QUERY_PLAN} (and in EXPLAIN), and calls
 * {@link RunsTable#query} with it.
 */
final class WandbToEnumerableConverter extends ConverterImpl implements EnumerableRel {
  private static final Method QUERY =
      Types.lookupMethod(RunsTable.class, "query", DataContext.class, RunScanSpec.class,
          List.class);
  private static final Method LOOKUP_TABLE =
      Types.lookupMethod(Schemas.class, "table", DataContext.class, String[].class);

  WandbToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WandbToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  /**
   * Moving rows out of W&B costs in proportion to their width, so that of two equivalent plans
   * the one requesting fewer columns (above all, no unused heavy JSON fields) wins.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double width = getInput().getRowType().getFieldCount() + 1.0;
    return super.computeSelfCost(planner, mq).multiplyBy(WandbCosts.CONVERTER_FACTOR * width);
  }

  /**
   * In a finished plan (EXPLAIN), shows the request; while planning, the input is a planner
   * placeholder (a set or a vertex), and the digest must not depend on what it holds.
   */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter writer = super.explainTerms(pw);
    if (!(getInput() instanceof WandbRel)) {
      return writer;
    }
    RunScanSpec.Builder spec = collect();
    return writer.item("request", spec.build().describe(spec.runsTable().columns()));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    RunScanSpec.Builder collected = collect();
    RunScanSpec spec = collected.build();
    Hook.QUERY_PLAN.run(spec.describe(collected.runsTable().columns()));
    // Calcite's row format: Object[] rows, the bare value when there is one column, a list when
    // there is none; RunsTable.query produces the same.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        pref.prefer(JavaRowFormat.ARRAY));
    BlockBuilder block = new BlockBuilder();
    List<Expression> path = new ArrayList<>();
    collected.table().getQualifiedName().forEach(name -> path.add(Expressions.constant(name)));
    Expression table = block.append("table", Expressions.convert_(
        Expressions.call(LOOKUP_TABLE, implementor.getRootExpression(),
            Expressions.newArrayInit(String.class, path)),
        RunsTable.class));
    // Under a batched join, the batch's run ids; the code is the same for every batch.
    Expression runIds = spec.correlatedRunIds() == null
        ? Expressions.constant(null, List.class)
        : spec.correlatedRunIds().values(implementor, block);
    // The request is a parameter of the generated code, not a constant in it: queries that
    // differ only in pushed literals then generate the same code, and Calcite's cache of
    // compiled code (CompiledCodeCache) compiles it once.
    Expression rows = block.append("rows", Expressions.call(table, QUERY,
        implementor.getRootExpression(), implementor.stash(spec, RunScanSpec.class), runIds));
    block.add(Expressions.return_(null, rows));
    return implementor.result(physType, block.toBlock());
  }

  private RunScanSpec.Builder collect() {
    RunScanSpec.Builder spec = new RunScanSpec.Builder();
    WandbRel.implementInput(getInput(), spec);
    return spec;
  }
}
