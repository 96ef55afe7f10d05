package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.RuleConfig;
import io.github.wandbjdbc.calcite.SortedInput;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * ORDER BY a discovered numeric column with a LIMIT, over a runs query, optionally through the
 * filter that re-checks what W&B was sent and a projection of plain columns. The scan below hands
 * its runs over in the sort's order ({@link RunsMetricOrder}, proven by the client), the filter and
 * projection keep that order, and the LIMIT alone remains: it stops the reading once it has its
 * rows, however many the filter drops on the way.
 *
 * <p>Only NULLS LAST is taken (the default ascending; descending it must be written): a value SQL
 * reads as NULL can lie among W&B's numbers (a list holding 0.5 matches a range under MongoDB's
 * rules, and a BIGINT column's 2.5 is a number to W&B), where only reading every run finds it.
 * After the numbers such runs do no harm: the reader meets them on its way and hands them over
 * last.
 */
final class RunsMetricOrderRule extends RelRule<RuleConfig> {
  static final RunsMetricOrderRule OVER_INPUT =
      rule(
          "RunsMetricOrderRule",
          b -> b.operand(LogicalSort.class).predicate(RunsMetricOrderRule::limited).anyInputs());

  static final RunsMetricOrderRule OVER_FILTER =
      rule(
          "RunsMetricOrderOverFilterRule",
          b ->
              b.operand(LogicalSort.class)
                  .predicate(RunsMetricOrderRule::limited)
                  .oneInput(f -> f.operand(LogicalFilter.class).anyInputs()));

  static final RunsMetricOrderRule OVER_PROJECT =
      rule(
          "RunsMetricOrderOverProjectRule",
          b ->
              b.operand(LogicalSort.class)
                  .predicate(RunsMetricOrderRule::limited)
                  .oneInput(p -> p.operand(LogicalProject.class).anyInputs()));

  static final RunsMetricOrderRule OVER_PROJECT_FILTER =
      rule(
          "RunsMetricOrderOverProjectFilterRule",
          b ->
              b.operand(LogicalSort.class)
                  .predicate(RunsMetricOrderRule::limited)
                  .oneInput(
                      p ->
                          p.operand(LogicalProject.class)
                              .oneInput(f -> f.operand(LogicalFilter.class).anyInputs())));

  private static RunsMetricOrderRule rule(String description, RelRule.OperandTransform operands) {
    return new RunsMetricOrderRule(new RuleConfig(description, operands, RunsMetricOrderRule::new));
  }

  private RunsMetricOrderRule(RuleConfig config) {
    super(config);
  }

  /** A sort with keys and a literal LIMIT: without one, reading every run once is cheaper. */
  private static boolean limited(LogicalSort sort) {
    return !sort.getCollation().getFieldCollations().isEmpty()
        && sort.fetch instanceof RexLiteral
        && (sort.offset == null || sort.offset instanceof RexLiteral);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalSort sort = call.rel(0);
    LogicalProject project =
        call.rels.length > 1 && call.rel(1) instanceof LogicalProject p ? p : null;
    LogicalFilter filter = call.rel(call.rels.length - 1) instanceof LogicalFilter f ? f : null;
    RelNode core =
        filter != null ? filter.getInput() : project != null ? project.getInput() : sort.getInput();
    if (!(PlanLineage.scan(core) instanceof RunsTableScan)) {
      return;
    }
    RelCollation order = SortedInput.below(sort, project);
    if (order == null) {
      return;
    }
    RelFieldCollation first = order.getFieldCollations().get(0);
    RunsColumn metric = RunsRules.column(core, first.getFieldIndex());
    if (!ordersByProof(metric, first)) {
      return;
    }
    RelNode runs = convert(core, core.getTraitSet().replace(RunsRel.CONVENTION));
    RelNode ordered =
        new RunsMetricOrder(
            sort.getCluster(),
            runs.getTraitSet().replace(order),
            runs,
            metric,
            SortedInput.rowsTaken(sort));
    RelNode input = SortedInput.keepingOrder(ordered, order, filter, project, sort);
    call.transformTo(LogicalSort.create(input, RelCollations.EMPTY, sort.offset, sort.fetch));
  }

  /** Whether the reader can prove {@code key}'s order of {@code metric}. */
  private static boolean ordersByProof(RunsColumn metric, RelFieldCollation key) {
    return provable(metric) && key.nullDirection != RelFieldCollation.NullDirection.FIRST;
  }

  /** Whether {@code metric} is a column the reader can prove an order of, NULLS LAST. */
  static boolean provable(RunsColumn metric) {
    return metric != null
        && metric.key() != null
        && metric.filterKey() != null
        && (metric.type() == SqlTypeName.DOUBLE || metric.type() == SqlTypeName.BIGINT);
  }
}
