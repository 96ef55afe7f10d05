package io.github.wandbjdbc.calcite;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;

/**
 * A rule that is one function of the nodes it matches: what the function returns replaces the first
 * of them, and null means the match changes nothing. A rule with nothing else to it is written as
 * such a function, and the rule around it (config, constructor, {@code onMatch}) is this one class.
 */
public final class RewriteRule extends RelRule<RuleConfig> {
  private final Function<RelOptRuleCall, RelNode> rewrite;

  private RewriteRule(RuleConfig config, Function<RelOptRuleCall, RelNode> rewrite) {
    super(config);
    this.rewrite = rewrite;
  }

  /** Rewrites a {@code type} node that passes {@code test}, whatever its inputs. */
  public static <T extends RelNode> RelOptRule matching(
      String description, Class<T> type, Predicate<? super T> test, Function<T, RelNode> rewrite) {
    return rule(
        description,
        b -> b.operand(type).predicate(test).anyInputs(),
        call -> rewrite.apply(call.rel(0)));
  }

  /** Rewrites a {@code type} node right above a {@code leaf}, given both. */
  public static <T extends RelNode, L extends RelNode> RelOptRule aboveLeaf(
      String description, Class<T> type, Class<L> leaf, BiFunction<T, L, RelNode> rewrite) {
    return rule(
        description,
        b -> b.operand(type).oneInput(s -> s.operand(leaf).noInputs()),
        call -> rewrite.apply(call.rel(0), call.rel(1)));
  }

  private static RelOptRule rule(
      String description,
      RelRule.OperandTransform operands,
      Function<RelOptRuleCall, RelNode> rewrite) {
    return new RuleConfig(description, operands, config -> new RewriteRule(config, rewrite))
        .toRule();
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    RelNode replacement = rewrite.apply(call);
    if (replacement != null) {
      call.transformTo(replacement);
    }
  }
}
