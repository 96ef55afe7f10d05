package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.calcite.HistoryScanSpec.StepBound;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexDigestIncludeType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.Schemas;

/**
 * A scan of a history table, narrowed by the history rules to the columns a query uses and to
 * the runs and steps its filters name ({@link HistoryPushdown}). Generates the call of
 * {@link HistoriesTable#query} itself, evaluating the pushed values (literals, {@code ?}
 * parameters, a batch join's correlation variables) each time the scan starts.
 */
final class HistoriesScan extends TableScan implements EnumerableRel {
  private static final Method QUERY = Types.lookupMethod(HistoriesTable.class, "query",
      DataContext.class, HistoryScanSpec.class, Object[].class);
  private static final Method LOOKUP_TABLE =
      Types.lookupMethod(Schemas.class, "table", DataContext.class, String[].class);
  /** Rows assumed in a project's history table, before narrowing. */
  private static final double HISTORY_ROWS = 1_000_000;

  private final HistoriesTable historiesTable;
  private final List<Integer> columns;
  private final List<RexNode> values;
  private final List<List<Integer>> runIdGroups;
  private final List<StepBound> stepBounds;

  private HistoriesScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      HistoriesTable historiesTable, List<Integer> columns, List<RexNode> values,
      List<List<Integer>> runIdGroups, List<StepBound> stepBounds) {
    super(cluster, traits, List.of(), table);
    this.historiesTable = historiesTable;
    this.columns = List.copyOf(columns);
    this.values = List.copyOf(values);
    this.runIdGroups = List.copyOf(runIdGroups);
    this.stepBounds = List.copyOf(stepBounds);
  }

  /** Every column, every run, every step. */
  static HistoriesScan create(RelOptCluster cluster, RelOptTable table, HistoriesTable histories) {
    List<Integer> all = IntStream.range(0, table.getRowType().getFieldCount()).boxed().toList();
    return new HistoriesScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table,
        histories, all, List.of(), List.of(), List.of());
  }

  HistoriesScan withColumns(List<Integer> tableColumns) {
    return new HistoriesScan(getCluster(), getTraitSet(), getTable(), historiesTable,
        tableColumns, values, runIdGroups, stepBounds);
  }

  HistoriesScan withPushdown(HistoryPushdown pushdown) {
    return new HistoriesScan(getCluster(), getTraitSet(), getTable(), historiesTable, columns,
        pushdown.values(), pushdown.runIdGroups(), pushdown.stepBounds());
  }

  /** The table columns this scan returns, in output order. */
  List<Integer> columns() {
    return columns;
  }

  List<RexNode> values() {
    return values;
  }

  List<List<Integer>> runIdGroups() {
    return runIdGroups;
  }

  List<StepBound> stepBounds() {
    return stepBounds;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(HistoriesProjectRule.RULE);
    planner.addRule(CoreRules.PROJECT_FILTER_TRANSPOSE);
    if (historiesTable.settings().pushdown()) {
      planner.addRule(HistoriesFilterRule.RULE);
      // A join on run_id then reads only the histories of each batch of the other side's runs.
      planner.addRule(WandbBatchJoinRule.RULE);
    }
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    columns.forEach(i -> builder.add(fields.get(i)));
    return builder.build();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = HISTORY_ROWS;
    if (!runIdGroups.isEmpty()) {
      rows /= 100;
    }
    if (!stepBounds.isEmpty()) {
      rows /= 2;
    }
    return rows;
  }

  /** Narrower requests (fewer runs, steps or keys) cost less, so the planner prefers them. */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows * (1 + columns.size()), rows, 0);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("request", describe());
  }

  private String describe() {
    return spec().describe(values.stream().map(HistoriesScan::describe).toList());
  }

  /** A literal without its type suffix ({@code 100}, not {@code 100:BIGINT}); others as Calcite writes them. */
  private static String describe(RexNode value) {
    return value instanceof RexLiteral literal
        ? literal.computeDigest(RexDigestIncludeType.NO_TYPE)
        : value.toString();
  }

  private HistoryScanSpec spec() {
    return new HistoryScanSpec(historiesTable.kind(), getRowType().getFieldNames(), runIdGroups,
        stepBounds);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Hook.QUERY_PLAN.run(describe());
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        pref.prefer(JavaRowFormat.ARRAY));
    BlockBuilder block = new BlockBuilder();
    List<Expression> path = new ArrayList<>();
    table.getQualifiedName().forEach(name -> path.add(Expressions.constant(name)));
    Expression tableExpression = block.append("table", Expressions.convert_(
        Expressions.call(LOOKUP_TABLE, implementor.getRootExpression(),
            Expressions.newArrayInit(String.class, path)),
        HistoriesTable.class));
    Expression rows = block.append("rows", Expressions.call(tableExpression, QUERY,
        implementor.getRootExpression(), implementor.stash(spec(), HistoryScanSpec.class),
        valueArray(implementor, block)));
    block.add(Expressions.return_(null, rows));
    return implementor.result(physType, block.toBlock());
  }

  /** Code computing the pushed values, as an Object[] (boxed; null stays null). */
  private Expression valueArray(EnumerableRelImplementor implementor, BlockBuilder block) {
    JavaTypeFactory typeFactory = implementor.getTypeFactory();
    RexProgramBuilder program =
        new RexProgramBuilder(typeFactory.builder().build(), getCluster().getRexBuilder());
    for (int i = 0; i < values.size(); i++) {
      program.addProject(values.get(i), "v" + i);
    }
    RexProgram built = program.getProgram();
    PhysType valueTypes =
        PhysTypeImpl.of(typeFactory, built.getOutputRowType(), JavaRowFormat.ARRAY);
    List<Expression> computed = RexToLixTranslator.translateProjects(built, typeFactory,
        implementor.getConformance(), block, null, valueTypes, implementor.getRootExpression(),
        (list, index, storageType) -> {
          throw new IllegalStateException("a pushed value reads no input row");
        },
        implementor::getCorrelVariableGetter);
    return Expressions.newArrayInit(Object.class,
        computed.stream().map(Expressions::box).toList());
  }
}
