package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.RewriteRule;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;

/**
 * Narrows the scan under an aggregate that reads no column ({@code COUNT(*)}) to {@code _step}, so
 * that only the {@code _step}-only spec is fetched: it answers one entry per logged row, the same
 * rows whole-row windows would. Calcite's project extraction leaves such an aggregate alone.
 */
final class HistoryCountRule {
  static final RelOptRule RULE =
      RewriteRule.aboveLeaf(
          "HistoryCountRule", Aggregate.class, HistoryTableScan.class, HistoryCountRule::narrowed);

  private HistoryCountRule() {}

  private static RelNode narrowed(Aggregate aggregate, HistoryTableScan scan) {
    int step = scan.getTable().getRowType().getFieldNames().indexOf(HistoryColumn.STEP);
    boolean readsNoColumn =
        aggregate.getGroupSet().isEmpty()
            && aggregate.getAggCallList().stream()
                .allMatch(c -> c.getArgList().isEmpty() && c.filterArg < 0 && !c.isDistinct());
    if (!readsNoColumn || step < 0 || scan.columns().equals(List.of(step))) {
      return null;
    }
    return aggregate.copy(
        aggregate.getTraitSet(),
        scan.withColumns(List.of(step)),
        aggregate.getGroupSet(),
        aggregate.getGroupSets(),
        aggregate.getAggCallList());
  }
}
