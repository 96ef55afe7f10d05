package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.RuleConfig;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;

/**
 * Narrows the scan under an aggregate that reads no column ({@code COUNT(*)}) to {@code _step}, so
 * that only the {@code _step}-only spec is fetched: it answers one entry per logged row, the same
 * rows whole-row windows would. Calcite's project extraction leaves such an aggregate alone.
 */
final class HistoryCountRule extends RelRule<RuleConfig> {
  static final HistoryCountRule RULE =
      new HistoryCountRule(
          new RuleConfig(
              "HistoryCountRule",
              b ->
                  b.operand(Aggregate.class)
                      .oneInput(s -> s.operand(HistoryTableScan.class).noInputs()),
              HistoryCountRule::new));

  private HistoryCountRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    HistoryTableScan scan = call.rel(1);
    int step = scan.getTable().getRowType().getFieldNames().indexOf(HistoryColumn.STEP);
    boolean readsNoColumn =
        aggregate.getGroupSet().isEmpty()
            && aggregate.getAggCallList().stream()
                .allMatch(c -> c.getArgList().isEmpty() && c.filterArg < 0 && !c.isDistinct());
    if (!readsNoColumn || step < 0 || scan.columns().equals(List.of(step))) {
      return;
    }
    List<AggregateCall> calls = aggregate.getAggCallList();
    call.transformTo(
        aggregate.copy(
            aggregate.getTraitSet(),
            scan.withColumns(List.of(step)),
            aggregate.getGroupSet(),
            aggregate.getGroupSets(),
            calls));
  }
}
