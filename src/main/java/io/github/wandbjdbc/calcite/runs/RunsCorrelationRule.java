package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.RuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Turns the filter a batched join puts over its right input, {@code $cor0.k = run_id OR ... OR
 * $corN.k = run_id}, into a {@link RunsCorrelatedFilter}: W&B returns only the runs of the batch.
 * Other conjuncts stay in a Calcite filter above (where {@link RunsFilterRule} may push them too).
 */
public final class RunsCorrelationRule extends RelRule<RuleConfig> {
  static final RunsCorrelationRule RULE =
      new RunsCorrelationRule(
          new RuleConfig(
              "RunsCorrelationRule",
              b0 ->
                  b0.operand(LogicalFilter.class)
                      .predicate(filter -> RexUtil.containsCorrelation(filter.getCondition()))
                      .anyInputs(),
              config -> new RunsCorrelationRule(config)));

  private RunsCorrelationRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    RelNode input = filter.getInput();
    if (RunsRules.below(input, RunsCorrelatedFilter.class)) {
      return; // the remainder of an earlier match
    }
    int runIdField = PlanLineage.runIdField(input, RunsTableScan.class);
    if (runIdField < 0) {
      return;
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
      return;
    }
    RelNode wandbInput = convert(input, input.getTraitSet().replace(RunsRel.CONVENTION));
    RelNode restricted =
        new RunsCorrelatedFilter(filter.getCluster(), wandbInput.getTraitSet(), wandbInput, runIds);
    call.transformTo(
        remainder.isEmpty()
            ? restricted
            : filter.copy(
                filter.getTraitSet(),
                restricted,
                RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), remainder)));
  }
}
