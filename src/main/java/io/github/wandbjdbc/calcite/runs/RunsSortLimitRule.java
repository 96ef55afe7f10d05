package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.RewriteRule;
import io.github.wandbjdbc.calcite.SortedInput;
import java.util.Map;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;

/**
 * LIMIT / OFFSET, and ORDER BY on a key W&B orders exactly as SQL does: W&B returns at most OFFSET
 * + FETCH runs, the first ones in that order, and the SQL sort stays above to apply OFFSET, FETCH
 * and the order itself. The sort's input is asked for in W&B's convention, which only exists when
 * W&B computes it exactly, so no remaining filter can drop rows after the limit.
 */
final class RunsSortLimitRule {
  /**
   * Columns W&B can order by with SQL's result: NOT NULL (so NULLS FIRST/LAST cannot differ) and
   * totally ordered. Nullable or mixed-type keys (config, summary, heartbeat_at) are sorted
   * locally, because W&B's placement of nulls, NaN and other types is unverified.
   */
  private static final Map<String, String> ORDER_KEYS =
      Map.of("created_at", "created_at", "run_id", "name");

  static final RelOptRule RULE =
      RewriteRule.matching(
          "RunsSortLimitRule",
          LogicalSort.class,
          RunsSortLimitRule::literalBounds,
          RunsSortLimitRule::limited);

  private RunsSortLimitRule() {}

  private static boolean literalBounds(LogicalSort sort) {
    return sort.fetch instanceof RexLiteral
        && (sort.offset == null || sort.offset instanceof RexLiteral)
        && sort.getCollation().getFieldCollations().size() <= 1;
  }

  private static RelNode limited(LogicalSort sort) {
    RelNode input = sort.getInput();
    if (RunsRules.concrete(input) instanceof RunsSortLimit
        || !(PlanLineage.scan(input) instanceof RunsTableScan)) {
      return null; // already limited (firing again would loop), or not a runs query
    }
    String order = null;
    if (!sort.getCollation().getFieldCollations().isEmpty()) {
      RelFieldCollation key = sort.getCollation().getFieldCollations().get(0);
      RunsColumn column = RunsRules.column(input, key.getFieldIndex());
      String wandbKey = column == null ? null : ORDER_KEYS.get(column.name());
      if (wandbKey == null) {
        return null;
      }
      order = (key.getDirection().isDescending() ? "-" : "+") + wandbKey;
    }
    long runs = SortedInput.rowsTaken(sort); // both are literals (see literalBounds)
    RelNode wandbInput = RunsRules.inWandbConvention(input);
    RelNode limited =
        new RunsSortLimit(sort.getCluster(), wandbInput.getTraitSet(), wandbInput, runs, order);
    return sort.copy(sort.getTraitSet(), limited, sort.getCollation(), sort.offset, sort.fetch);
  }
}
