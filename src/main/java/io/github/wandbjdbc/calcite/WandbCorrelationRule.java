package io.github.wandbjdbc.calcite;

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
 * $corN.k = run_id}, into a {@link WandbCorrelatedFilter}: W&B returns only the runs of the batch.
 * Other conjuncts stay in a Calcite filter above (where {@link WandbFilterRule} may push them too).
 */
final class WandbCorrelationRule extends RelRule<WandbRuleConfig> {
  static final WandbCorrelationRule RULE = new WandbCorrelationRule(new WandbRuleConfig(
      "WandbCorrelationRule",
      b0 -> b0.operand(LogicalFilter.class)
          .predicate(filter -> RexUtil.containsCorrelation(filter.getCondition()))
          .anyInputs(),
      config -> new WandbCorrelationRule(config)));

  private WandbCorrelationRule(WandbRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    RelNode input = filter.getInput();
    if (WandbRules.alreadyCorrelated(input)) {
      return; // the remainder of an earlier match
    }
    int runIdField = WandbRules.runIdField(input);
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
    RelNode wandbInput = convert(input, input.getTraitSet().replace(WandbRel.CONVENTION));
    RelNode restricted = new WandbCorrelatedFilter(filter.getCluster(), wandbInput.getTraitSet(),
        wandbInput, runIds);
    call.transformTo(remainder.isEmpty()
        ? restricted
        : filter.copy(filter.getTraitSet(), restricted,
            RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), remainder)));
  }
}
