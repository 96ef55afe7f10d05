package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.BatchJoinRule;
import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.rules.AggregateExtractProjectRule;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The rules a history scan brings to the planner: those that narrow it to the columns a query uses,
 * and with pushdown those that narrow it to runs and steps and order or size its reads.
 */
final class HistoryRules {
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

  private static final List<RelOptRule> ALWAYS =
      List.of(
          HistoryProjectRule.RULE,
          // An aggregate reads only the columns it uses: COUNT(*) then reads steps only.
          AGGREGATE_NARROWS_SCAN,
          AGGREGATE_NARROWS_FILTERED_SCAN,
          HistoryCountRule.RULE,
          CoreRules.PROJECT_FILTER_TRANSPOSE);

  private static final List<RelOptRule> PUSHDOWN =
      List.of(
          HistoryFilterRule.RULE,
          // A join on run_id then reads only the histories of each batch of the other side's runs.
          BatchJoinRule.RULE,
          // ORDER BY run_id, _step needs no sort; a LIMIT sizes the first request.
          HistorySortRule.SORT_OVER_SCAN,
          HistorySortRule.SORT_OVER_FILTERED_SCAN,
          HistorySortRule.SORT_OVER_PROJECTED_SCAN,
          HistorySortRule.SORT_OVER_PROJECTED_FILTERED_SCAN);

  private HistoryRules() {}

  /** Column narrowing is always on; the rest only with pushdown. */
  static void register(RelOptPlanner planner, boolean pushdown) {
    ALWAYS.forEach(planner::addRule);
    if (pushdown) {
      PUSHDOWN.forEach(planner::addRule);
    }
  }
}
