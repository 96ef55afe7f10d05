package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.BatchJoinRule;
import io.github.wandbjdbc.calcite.LineageStep;
import io.github.wandbjdbc.calcite.ScanCode;
import io.github.wandbjdbc.calcite.filter.ValueSlots;
import io.github.wandbjdbc.calcite.histories.HistoryScanSpec.StepBound;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.AggregateExtractProjectRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Hook;

/**
 * A scan of a history table, narrowed by the history rules to the columns a query uses and to the
 * runs and steps its filters name ({@link HistoryPushdown}). Its code ({@link ScanCode}) calls
 * {@link HistoryTable#query} with the pushed values (literals, {@code ?} parameters, a batch join's
 * correlation variables), evaluated each time the scan starts.
 */
final class HistoryTableScan extends TableScan implements EnumerableRel, LineageStep {
  private static final Method QUERY =
      Types.lookupMethod(
          HistoryTable.class, "query", DataContext.class, HistoryScanSpec.class, Object[].class);

  private static final RelOptRule AGGREGATE_NARROWS_SCAN =
      AggregateExtractProjectRule.Config.DEFAULT
          .withOperandFor(Aggregate.class, HistoryTableScan.class)
          .withDescription("HistoryAggregateNarrowsScan")
          .as(AggregateExtractProjectRule.Config.class)
          .toRule();

  private static final RelOptRule AGGREGATE_NARROWS_FILTERED_SCAN =
      AggregateExtractProjectRule.Config.DEFAULT
          .withOperandSupplier(
              b ->
                  b.operand(Aggregate.class)
                      .oneInput(
                          f ->
                              f.operand(Filter.class)
                                  .oneInput(s -> s.operand(HistoryTableScan.class).noInputs())))
          .withDescription("HistoryAggregateNarrowsFilteredScan")
          .as(AggregateExtractProjectRule.Config.class)
          .toRule();

  /** Rows assumed in a project's history table, before narrowing. */
  private static final double HISTORY_ROWS = 1_000_000;

  private final HistoryTable historiesTable;
  private final List<Integer> columns;
  private final List<RexNode> values;
  private final List<List<Integer>> runIdGroups;
  private final List<StepBound> stepBounds;
  private final List<String> requiredColumns;

  private HistoryTableScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      HistoryTable historiesTable,
      List<Integer> columns,
      List<RexNode> values,
      List<List<Integer>> runIdGroups,
      List<StepBound> stepBounds,
      List<String> requiredColumns) {
    super(cluster, traits, List.of(), table);
    this.historiesTable = historiesTable;
    this.columns = List.copyOf(columns);
    this.values = List.copyOf(values);
    this.runIdGroups = List.copyOf(runIdGroups);
    this.stepBounds = List.copyOf(stepBounds);
    this.requiredColumns = List.copyOf(requiredColumns);
  }

  /** Every column, every run, every step. */
  static HistoryTableScan create(RelOptCluster cluster, RelOptTable table, HistoryTable histories) {
    List<Integer> all = IntStream.range(0, table.getRowType().getFieldCount()).boxed().toList();
    return new HistoryTableScan(
        cluster,
        cluster.traitSetOf(EnumerableConvention.INSTANCE),
        table,
        histories,
        all,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  HistoryTableScan withColumns(List<Integer> tableColumns) {
    return new HistoryTableScan(
        getCluster(),
        getTraitSet(),
        getTable(),
        historiesTable,
        tableColumns,
        values,
        runIdGroups,
        stepBounds,
        requiredColumns);
  }

  HistoryTableScan withPushdown(HistoryPushdown pushdown) {
    return new HistoryTableScan(
        getCluster(),
        getTraitSet(),
        getTable(),
        historiesTable,
        columns,
        pushdown.values(),
        pushdown.runIdGroups(),
        pushdown.stepBounds(),
        pushdown.requiredColumns());
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

  List<String> requiredColumns() {
    return requiredColumns;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(HistoryProjectRule.RULE);
    // An aggregate reads only the columns it uses: COUNT(*) then reads steps only.
    planner.addRule(AGGREGATE_NARROWS_SCAN);
    planner.addRule(AGGREGATE_NARROWS_FILTERED_SCAN);
    planner.addRule(HistoryCountRule.RULE);
    planner.addRule(CoreRules.PROJECT_FILTER_TRANSPOSE);
    if (historiesTable.settings().pushdown()) {
      planner.addRule(HistoryFilterRule.RULE);
      // A join on run_id then reads only the histories of each batch of the other side's runs.
      planner.addRule(BatchJoinRule.RULE);
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
    return spec().describe(ValueSlots.describe(values));
  }

  private HistoryScanSpec spec() {
    return new HistoryScanSpec(
        historiesTable.kind(),
        getRowType().getFieldNames(),
        runIdGroups,
        stepBounds,
        requiredColumns);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Hook.QUERY_PLAN.run(describe());
    return ScanCode.implement(
        implementor,
        pref,
        getRowType(),
        table,
        QUERY,
        spec(),
        HistoryScanSpec.class,
        values,
        getCluster().getRexBuilder());
  }
}
