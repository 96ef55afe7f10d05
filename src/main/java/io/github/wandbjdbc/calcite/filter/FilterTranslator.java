package io.github.wandbjdbc.calcite.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * Splits a WHERE condition into a W&B runs filter and the conjuncts Calcite must still evaluate.
 *
 * <p>The pushed filter always selects a superset of the SQL rows under MongoDB semantics (missing
 * keys match {@code {k: null}}, {@code $ne}, {@code $nin} and {@code $nor}; comparisons never match
 * across types; an array matches when an element does). A conjunct leaves the remainder only when
 * its translation is {@link Precision#EXACT}. OR is pushed when every arm is; NOT only over a
 * {@link Precision#NEGATABLE} or exact filter, as {@code $nor}, and always stays in the remainder.
 */
public final class FilterTranslator {
  private final ComparisonTranslator leaves;
  private final ValueSlots slots = new ValueSlots();

  private FilterTranslator(List<FilterableField> fields, RexBuilder rexBuilder) {
    this.leaves = new ComparisonTranslator(new Operands(fields, slots, rexBuilder));
  }

  /**
   * @param fields what is known about each input field of the scan, by {@code RexInputRef} index
   * @param rexBuilder used to reduce constant expressions (a CAST of a literal) as Calcite would
   */
  public static Split split(
      RexNode condition, List<FilterableField> fields, RexBuilder rexBuilder) {
    FilterTranslator translator = new FilterTranslator(fields, rexBuilder);
    List<PushedFilter> pushed = new ArrayList<>();
    List<RexNode> remainder = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      Translation translation = translator.translate(conjunct);
      if (translation != null) {
        pushed.add(translation.filter());
      }
      if (translation == null || translation.precision() != Precision.EXACT) {
        remainder.add(conjunct);
      }
    }
    PushedFilter filter = pushed.isEmpty() ? null : PushedFilter.and(pushed);
    return new Split(filter, translator.slots.values(), remainder, remainder.isEmpty());
  }

  /** The filter for a predicate, or null when nothing of it can be pushed. */
  private Translation translate(RexNode node) {
    switch (node.getKind()) {
      case AND:
        return and(((RexCall) node).getOperands());
      case OR:
        return or(((RexCall) node).getOperands());
      case NOT:
        return not(((RexCall) node).getOperands().get(0));
      default:
        return leaves.translate(node);
    }
  }

  /** The conjuncts that translate; dropping one leaves a SUPERSET. */
  private Translation and(List<RexNode> conjuncts) {
    List<PushedFilter> filters = new ArrayList<>();
    Precision precision = Precision.EXACT;
    for (RexNode conjunct : conjuncts) {
      Translation translation = translate(conjunct);
      if (translation == null) {
        precision = Precision.SUPERSET;
      } else {
        filters.add(translation.filter());
        precision = precision.weaker(translation.precision());
      }
    }
    return filters.isEmpty() ? null : new Translation(PushedFilter.and(filters), precision);
  }

  private Translation or(List<RexNode> arms) {
    List<PushedFilter> filters = new ArrayList<>();
    Precision precision = Precision.EXACT;
    for (RexNode arm : arms) {
      Translation translation = translate(arm);
      if (translation == null) {
        return null;
      }
      filters.add(translation.filter());
      precision = precision.weaker(translation.precision());
    }
    return new Translation(PushedFilter.or(filters), precision);
  }

  /**
   * A filter that matches no FALSE row of x is one whose {@code $nor} matches every row where x is
   * FALSE, that is where NOT x is TRUE; it may also match rows where x is UNKNOWN, so NOT is never
   * exact.
   */
  private Translation not(RexNode operand) {
    Translation direct = leaves.translateNegation(operand);
    if (direct != null) {
      return direct;
    }
    Translation inner = translate(operand);
    if (inner == null || inner.precision() == Precision.SUPERSET) {
      return null;
    }
    return new Translation(PushedFilter.nor(inner.filter()), Precision.NEGATABLE);
  }

  /**
   * A WHERE condition split between W&B and Calcite.
   *
   * @param pushed the W&B filter selecting a superset of the SQL rows, or null when nothing could
   *     be pushed
   * @param values the values its slots refer to ({@link ValueSlots})
   * @param remainder the original conjuncts Calcite must still evaluate over the pushed rows
   * @param exact true when the pushed filter selects exactly the SQL rows (remainder is empty)
   */
  public record Split(
      PushedFilter pushed, List<RexNode> values, List<RexNode> remainder, boolean exact) {
    public Split {
      values = List.copyOf(values);
      remainder = List.copyOf(Objects.requireNonNull(remainder, "remainder is null"));
      if (exact != remainder.isEmpty()) {
        throw new IllegalArgumentException("exact must equal remainder.isEmpty()");
      }
    }
  }
}
