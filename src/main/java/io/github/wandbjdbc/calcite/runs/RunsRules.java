package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.BatchJoinRule;
import io.github.wandbjdbc.calcite.PlanLineage;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The rules that move work into W&B requests. Each declines, at match time, whatever W&B cannot do
 * exactly (or as a superset that Calcite re-checks); none fires and then fails.
 */
final class RunsRules {
  private static final List<RelOptRule> ALWAYS =
      List.of(
          RunsProjectRule.RULE,
          // Moves column selection below filters that stay local, so heavy fields they do not need
          // are not requested.
          CoreRules.PROJECT_FILTER_TRANSPOSE,
          RunsToEnumerableConverterRule.RULE,
          // ORDER BY + LIMIT that stays local keeps only OFFSET + FETCH rows, not every run.
          EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
  private static final List<RelOptRule> RULES =
      List.of(
          RunsFilterRule.RULE,
          RunsProjectRule.RULE,
          CoreRules.PROJECT_FILTER_TRANSPOSE,
          RunsSortLimitRule.RULE,
          RunsMetricOrderRule.OVER_INPUT,
          RunsMetricOrderRule.OVER_FILTER,
          RunsMetricOrderRule.OVER_PROJECT,
          RunsMetricOrderRule.OVER_PROJECT_FILTER,
          RunsCountRule.RULE,
          RunsCorrelationRule.RULE,
          BatchJoinRule.RULE,
          RunsToEnumerableConverterRule.RULE,
          EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);

  /** Plans of runs queries are shallow; a deeper walk is not one. */
  private static final int MAX_DEPTH = 64;

  private RunsRules() {}

  /**
   * Column selection and the local top-N are always on; the translations only with pushdown (a
   * connection's tables share the setting, so the first scan of a query decides).
   */
  static void register(RelOptPlanner planner, boolean pushdown) {
    (pushdown ? RULES : ALWAYS).forEach(planner::addRule);
  }

  /** The runs column a field of {@code rel} is, unchanged (not computed from it), or null. */
  static RunsColumn column(RelNode rel, int field) {
    PlanLineage.Origin origin = PlanLineage.origin(rel, field);
    return origin != null && origin.scan() instanceof RunsTableScan scan
        ? scan.runsTable().columns().get(origin.field())
        : null;
  }

  /**
   * Whether a {@code kind} operator is already below {@code rel}, under projections and W&B
   * operators that keep every row: a rule that put it there must not stack another.
   */
  static boolean below(RelNode rel, Class<? extends RunsRel> kind) {
    RelNode node = rel;
    for (int depth = 0; depth < MAX_DEPTH && node != null; depth++) {
      if (node instanceof RelSubset subset) {
        node =
            subset.getRelList().stream()
                .filter(m -> m instanceof RunsRel || m instanceof Project || m instanceof Filter)
                .findFirst()
                .orElse(null);
        continue;
      }
      if (kind.isInstance(node)) {
        return true;
      }
      if (!(node instanceof Project || node instanceof RunsRel step && !step.limitsRows())
          || node.getInputs().isEmpty()) {
        return false;
      }
      node = node.getInput(0);
    }
    return false;
  }

  /** {@code input} asked for in W&B's convention: it exists only where W&B computes it exactly. */
  static RelNode inWandbConvention(RelNode input) {
    return RelOptRule.convert(input, input.getTraitSet().replace(RunsRel.CONVENTION));
  }

  /** One member of a subset: all members of a set compute the same rows. */
  static RelNode concrete(RelNode rel) {
    if (rel instanceof RelSubset subset) {
      RelNode best = subset.getBest();
      return best != null ? best : subset.getOriginal();
    }
    return rel;
  }
}
