package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.RuleConfig;
import io.github.wandbjdbc.calcite.SortedInput;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;

/**
 * An ORDER BY and LIMIT right above a history scan, or above the filter that re-checks its pushed
 * conditions and a projection. A scan reads run after run and each run step after step, so when
 * asked it can hand over its rows in {@code (run_id, _step)} order ({@link
 * HistoryTableScan#withOrder}): an ORDER BY on that key, or on {@code _step} alone for one run,
 * then needs no sort, and with a LIMIT the scan stops after the first rows instead of reading every
 * history. A LIMIT, sorted or not, also sizes the scan's first request to the rows it takes.
 */
final class HistorySortRule extends RelRule<RuleConfig> {
  static final HistorySortRule SORT_OVER_SCAN =
      rule("HistorySortRule", b -> b.operand(HistoryTableScan.class).noInputs());

  static final HistorySortRule SORT_OVER_FILTERED_SCAN =
      rule("HistorySortOverFilterRule", HistorySortRule::filteredScan);

  static final HistorySortRule SORT_OVER_PROJECTED_SCAN =
      rule(
          "HistorySortOverProjectRule",
          b ->
              b.operand(Project.class).oneInput(s -> s.operand(HistoryTableScan.class).noInputs()));

  static final HistorySortRule SORT_OVER_PROJECTED_FILTERED_SCAN =
      rule(
          "HistorySortOverProjectFilterRule",
          b -> b.operand(Project.class).oneInput(HistorySortRule::filteredScan));

  private static RelRule.Done filteredScan(RelRule.OperandBuilder b) {
    return b.operand(Filter.class).oneInput(s -> s.operand(HistoryTableScan.class).noInputs());
  }

  private static HistorySortRule rule(String description, RelRule.OperandTransform input) {
    return new HistorySortRule(
        new RuleConfig(
            description, b -> b.operand(LogicalSort.class).oneInput(input), HistorySortRule::new));
  }

  private HistorySortRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    Project project = call.rel(1) instanceof Project p ? p : null;
    Filter filter = call.rels[call.rels.length - 2] instanceof Filter f ? f : null;
    HistoryTableScan scan = call.rel(call.rels.length - 1);
    boolean sorts = !sort.getCollation().getFieldCollations().isEmpty();
    RelCollation order = SortedInput.below(sort, project);
    if (sorts && (scan.spec().ordered() || order == null || !keyOrderSatisfies(order, scan))) {
      return;
    }
    long limit = SortedInput.rowsTaken(sort);
    if (!sorts && (limit == 0 || scan.spec().limit() == limit)) {
      return; // nothing to sort and nothing to size: this rule has nothing to add
    }
    RelNode input =
        SortedInput.keepingOrder(
            scan.withOrder(sorts || scan.spec().ordered(), limit),
            sorts ? order : RelCollations.EMPTY,
            filter,
            project,
            sort);
    if (sort.offset == null && sort.fetch == null) {
      call.transformTo(input);
    } else {
      call.transformTo(LogicalSort.create(input, RelCollations.EMPTY, sort.offset, sort.fetch));
    }
  }

  /**
   * Whether rows in {@code (run_id, _step)} order are in {@code order}, the sort's keys as the
   * scan's fields: ascending on {@code run_id} then {@code _step} (any keys after both cannot
   * reorder rows, for a run has one row per step), or on {@code _step} alone when the scan reads
   * one run.
   */
  private static boolean keyOrderSatisfies(RelCollation order, HistoryTableScan scan) {
    List<String> names = scan.getRowType().getFieldNames();
    boolean runFixed = scan.readsOneRun();
    for (RelFieldCollation key : order.getFieldCollations()) {
      String name = names.get(key.getFieldIndex());
      boolean ascending = key.getDirection() == RelFieldCollation.Direction.ASCENDING;
      if (name.equals(HistoryColumn.RUN_ID) && (ascending || runFixed)) {
        runFixed = true;
      } else if (name.equals(HistoryColumn.STEP) && ascending && runFixed) {
        return true;
      } else {
        return false;
      }
    }
    return true;
  }
}
