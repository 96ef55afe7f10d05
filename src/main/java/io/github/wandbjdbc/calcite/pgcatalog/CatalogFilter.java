package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The {@code column = constant} conditions of a catalog scan, which let it build only the rows of
 * one relation or schema (a relation's columns may cost a W&B request to discover). Calcite still
 * applies every condition: this only narrows.
 */
final class CatalogFilter {
  static final CatalogFilter NONE = new CatalogFilter(List.of());

  private final List<RexNode> conditions;

  CatalogFilter(List<RexNode> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  /** The constant column {@code index} must equal, if a top-level condition says so. */
  Optional<Object> equalTo(int index) {
    for (RexNode condition : conditions) {
      for (RexNode conjunct : RexUtil.flattenAnd(List.of(condition))) {
        Optional<Object> value = constant(conjunct, index);
        if (value.isPresent()) {
          return value;
        }
      }
    }
    return Optional.empty();
  }

  /** The number column {@code index} must equal (a number, or text of one; else -1). */
  Optional<Integer> equalToNumber(int index) {
    return equalTo(index).map(CatalogFilter::number);
  }

  private static int number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Optional<Object> constant(RexNode node, int index) {
    if (!(node instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
      return Optional.empty();
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
    }
    // Only the constant's cast is looked through: a cast column may compare differently.
    if (left instanceof RexInputRef ref
        && ref.getIndex() == index
        && RexUtil.removeCast(right) instanceof RexLiteral literal
        && !literal.isNull()) {
      return Optional.ofNullable(literal.getValue2());
    }
    return Optional.empty();
  }
}
