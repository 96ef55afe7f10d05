package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.RewriteRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Turns the filter a batched join puts over its right input, {@code $cor0.k = run_id OR ... OR
 * $corN.k = run_id}, into a {@link RunsCorrelatedFilter}: W&B returns only the runs of the batch.
 * Other conjuncts stay in a Calcite filter above (where {@link RunsFilterRule} may push them too).
 */
public final class RunsCorrelationRule {
  static final RelOptRule RULE =
      RewriteRule.matching(
          "RunsCorrelationRule",
          LogicalFilter.class,
          filter -> RexUtil.containsCorrelation(filter.getCondition()),
          RunsCorrelationRule::restricted);

  private RunsCorrelationRule() {}

  private static RelNode restricted(LogicalFilter filter) {
    RelNode input = filter.getInput();
    if (RunsRules.below(input, RunsCorrelatedFilter.class)) {
      return null; // the remainder of an earlier match
    }
    int runIdField = PlanLineage.runIdField(input, RunsTableScan.class);
    if (runIdField < 0) {
      return null;
    }
    CorrelatedRunIds runIds = null;
    List<RexNode> remainder = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      CorrelatedRunIds.Found found =
          runIds == null ? CorrelatedRunIds.find(conjunct, runIdField) : null;
      if (found != null) {
        runIds = found.runIds();
      }
      if (found == null || !found.exact()) {
        remainder.add(conjunct);
      }
    }
    if (runIds == null) {
      return null;
    }
    RelNode wandbInput = RunsRules.inWandbConvention(input);
    RelNode restricted =
        new RunsCorrelatedFilter(filter.getCluster(), wandbInput.getTraitSet(), wandbInput, runIds);
    return remainder.isEmpty()
        ? restricted
        : filter.copy(
            filter.getTraitSet(),
            restricted,
            RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), remainder));
  }
}
