package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.LineageStep;
import io.github.wandbjdbc.calcite.RowGoalScan;
import io.github.wandbjdbc.calcite.ScanCode;
import io.github.wandbjdbc.calcite.filter.ValueSlots;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A scan of a history table, narrowed by the history rules to the columns a query uses and to the
 * runs and steps its filters name ({@link HistoryPushdown}). Its code ({@link ScanCode}) calls
 * {@link HistoryTable#query} with the pushed values (literals, {@code ?} parameters, a batch join's
 * correlation variables), evaluated each time the scan starts.
 */
final class HistoryTableScan extends TableScan implements EnumerableRel, LineageStep, RowGoalScan {
  private static final Method QUERY =
      Types.lookupMethod(
          HistoryTable.class, "query", DataContext.class, HistoryScanSpec.class, Object[].class);

  /** Rows assumed in a project's history table, before narrowing. */
  private static final double HISTORY_ROWS = 1_000_000;

  private final HistoryTable historiesTable;
  private final List<RexNode> values;

  /** What the scan reads, by column name and value slot: the spec its code passes along. */
  private final HistoryScanSpec spec;

  private HistoryTableScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      HistoryTable historiesTable,
      List<RexNode> values,
      HistoryScanSpec spec) {
    super(cluster, traits, List.of(), table);
    this.historiesTable = historiesTable;
    this.values = List.copyOf(values);
    this.spec = spec;
  }

  /** Every column, every run, every step. */
  static HistoryTableScan create(RelOptCluster cluster, RelOptTable table, HistoryTable histories) {
    List<String> names = table.getRowType().getFieldNames();
    HistoryScanSpec spec =
        new HistoryScanSpec(
            histories.kind(), names, List.of(), List.of(), List.of(), false, 0, false);
    return new HistoryTableScan(
        cluster,
        cluster.traitSetOf(EnumerableConvention.INSTANCE),
        table,
        histories,
        List.of(),
        spec);
  }

  HistoryTableScan withColumns(List<Integer> tableColumns) {
    List<String> names = table.getRowType().getFieldNames();
    HistoryScanSpec narrowed = spec.withColumns(tableColumns.stream().map(names::get).toList());
    return new HistoryTableScan(
        getCluster(), getTraitSet(), table, historiesTable, values, narrowed);
  }

  HistoryTableScan withPushdown(HistoryPushdown pushdown) {
    HistoryScanSpec narrowed =
        spec.withPushdown(
            pushdown.runIdGroups(), pushdown.stepBounds(), pushdown.requiredColumns());
    return new HistoryTableScan(
        getCluster(), getTraitSet(), table, historiesTable, pushdown.values(), narrowed);
  }

  /**
   * This scan with its rows in {@code (run_id, _step)} order (when {@code ordered}) and sized for a
   * LIMIT that takes at most {@code limit} rows of it (0 = none).
   */
  HistoryTableScan withOrder(boolean ordered, long limit) {
    RelTraitSet traits =
        ordered
            ? getTraitSet().replace(RelCollationTraitDef.INSTANCE, keyCollations())
            : getTraitSet();
    return new HistoryTableScan(
        getCluster(), traits, table, historiesTable, values, spec.withOrder(ordered, limit));
  }

  /** Whether a pushed {@code run_id = value} limits the scan to at most one run. */
  boolean readsOneRun() {
    return spec.runIdGroups().stream().anyMatch(group -> group.size() == 1);
  }

  /**
   * The orders an ordered scan's rows are in, as far as it returns the columns: by {@code run_id},
   * then {@code _step}; and by {@code _step} alone when it reads one run. The planner sees them
   * when it tracks collations, and needs no sort above then.
   */
  private List<RelCollation> keyCollations() {
    List<String> names = getRowType().getFieldNames();
    int run = names.indexOf(HistoryColumn.RUN_ID);
    int step = names.indexOf(HistoryColumn.STEP);
    List<RelCollation> orders = new ArrayList<>();
    if (run >= 0) {
      orders.add(
          step >= 0 ? RelCollations.of(ImmutableIntList.of(run, step)) : RelCollations.of(run));
    }
    if (step >= 0 && readsOneRun()) {
      orders.add(RelCollations.of(step));
    }
    return orders;
  }

  /** What the scan reads; its values are named by slot. */
  HistoryScanSpec spec() {
    return spec;
  }

  /** The table columns this scan returns, in output order (the spec names them). */
  List<Integer> columns() {
    List<String> names = table.getRowType().getFieldNames();
    return spec.columns().stream().map(names::indexOf).toList();
  }

  List<RexNode> values() {
    return values;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelNode feedingResult() {
    return new HistoryTableScan(
        getCluster(), getTraitSet(), table, historiesTable, values, spec.feedingResult());
  }

  @Override
  public void register(RelOptPlanner planner) {
    HistoryRules.register(planner, historiesTable.settings().pushdown());
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    columns().forEach(i -> builder.add(fields.get(i)));
    return builder.build();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = HISTORY_ROWS;
    if (!spec.runIdGroups().isEmpty()) {
      rows /= 100;
    }
    if (!spec.stepBounds().isEmpty()) {
      rows /= 2;
    }
    return rows;
  }

  /** Narrower requests (fewer runs, steps or keys) cost less, so the planner prefers them. */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    // An ordered scan lists every run before its first row: a little dearer, chosen only to sort.
    // One sized for a LIMIT reads less at first: a little cheaper, so the LIMIT reaches it.
    double cpu =
        rows
            * (1 + spec.columns().size())
            * (spec.ordered() ? 1.01 : 1)
            * (spec.limit() > 0 ? 0.99 : 1);
    return planner.getCostFactory().makeCost(cpu, rows, 0);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    boolean exports =
        historiesTable.settings().exports() && historiesTable.kind() == HistoryKind.EXACT;
    return super.explainTerms(pw)
        .itemIf("exports", "W&B's parquet files for exported steps, the rest live", exports)
        .item("request", describe());
  }

  private String describe() {
    return spec().describe(ValueSlots.describe(values));
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
