package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.RuleConfig;
import io.github.wandbjdbc.calcite.filter.FilterTranslator;
import io.github.wandbjdbc.calcite.filter.FilterableField;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Splits a WHERE clause over runs: what W&B can evaluate becomes a {@link RunsFilter} over the
 * input in W&B's convention, the rest (and every conjunct W&B only approximates) stays in a Calcite
 * filter above it.
 */
final class RunsFilterRule extends RelRule<RuleConfig> {
  static final RunsFilterRule RULE =
      new RunsFilterRule(
          new RuleConfig(
              "RunsFilterRule",
              b0 -> b0.operand(LogicalFilter.class).anyInputs(),
              config -> new RunsFilterRule(config)));

  /** A field that is not a runs column as such (computed, or from another table). */
  private static final FilterableField NOT_A_COLUMN =
      new FilterableField(null, SqlTypeName.ANY, false);

  private RunsFilterRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    RelNode input = filter.getInput();
    if (RunsRules.below(input, RunsFilter.class)) {
      return; // the remainder of an earlier split: translating it again would stack filters
    }
    if (RunsRules.below(input, RunsMetricOrder.class)) {
      return; // kept above an order on purpose: the filter pushed below it is already there
    }
    List<FilterableField> fields = new ArrayList<>();
    for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
      RunsColumn column = RunsRules.column(input, i);
      fields.add(column == null ? NOT_A_COLUMN : column.filterable());
    }
    if (fields.stream().allMatch(f -> f.filterKey() == null)) {
      return;
    }
    FilterTranslator.Split split =
        FilterTranslator.split(filter.getCondition(), fields, filter.getCluster().getRexBuilder());
    if (split.pushed() == null) {
      return;
    }
    RelNode wandbInput = convert(input, input.getTraitSet().replace(RunsRel.CONVENTION));
    RelNode pushed =
        new RunsFilter(
            filter.getCluster(),
            wandbInput.getTraitSet(),
            wandbInput,
            split.pushed(),
            split.values(),
            split.exact(),
            filter.getCondition());
    call.transformTo(
        split.remainder().isEmpty()
            ? pushed
            : filter.copy(
                filter.getTraitSet(),
                pushed,
                RexUtil.composeConjunction(
                    filter.getCluster().getRexBuilder(), split.remainder())));
  }
}
