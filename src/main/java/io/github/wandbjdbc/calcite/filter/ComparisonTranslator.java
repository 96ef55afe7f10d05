package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

/**
 * Translates the leaves of a condition: comparisons of a field with a constant or {@code ?} (either
 * side), SEARCH, IS [NOT] NULL, LIKE, and BOOLEAN fields. Returns null for anything else.
 */
final class ComparisonTranslator {
  private final Operands operands;

  ComparisonTranslator(Operands operands) {
    this.operands = operands;
  }

  Translation translate(RexNode node) {
    switch (node.getKind()) {
      case INPUT_REF:
        return booleanField(node, true);
      case IS_TRUE:
        return booleanField(operand(node, 0), true);
      case IS_FALSE:
        return booleanField(operand(node, 0), false);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return binary((RexCall) node);
      case IS_NULL:
        return isNull(operand(node, 0));
      case IS_NOT_NULL:
        return isNotNull(operand(node, 0));
      case LIKE:
        return like((RexCall) node, false);
      case SEARCH:
        return search((RexCall) node);
      default:
        return null;
    }
  }

  /** NOT of a leaf that has a direct negated form (a BOOLEAN field, LIKE), or null. */
  Translation translateNegation(RexNode operand) {
    switch (operand.getKind()) {
      case INPUT_REF:
        return booleanField(operand, false);
      case LIKE:
        return like((RexCall) operand, true);
      default:
        return null;
    }
  }

  private static RexNode operand(RexNode node, int i) {
    return ((RexCall) node).getOperands().get(i);
  }

  private Translation booleanField(RexNode node, boolean value) {
    FilterableField field = operands.field(node);
    if (field == null || field.type() != SqlTypeName.BOOLEAN) {
      return null;
    }
    return new Translation(
        PushedFilter.equal(
            field.filterKey(), new FilterOperand.Constant(BooleanNode.valueOf(value))),
        Precision.exactIf(field.scalarExact()));
  }

  private Translation binary(RexCall call) {
    SqlKind kind = call.getKind();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    FilterableField field = operands.field(left);
    RexNode other = right;
    if (field == null) {
      field = operands.field(right);
      other = left;
      kind = kind.reverse();
    }
    if (field == null) {
      return null;
    }
    Operands.Value value = operands.value(other, field);
    return value == null ? null : comparison(field, kind, value);
  }

  private Translation comparison(FilterableField field, SqlKind kind, Operands.Value value) {
    String key = field.filterKey();
    SqlTypeName type = field.type();
    if (type == SqlTypeName.TIMESTAMP) {
      return timestampComparison(field, kind, value);
    }
    FilterOperand operand = value.operand(field, 0);
    if (operand == null) {
      return null;
    }
    switch (kind) {
      case EQUALS:
        return new Translation(
            PushedFilter.equal(key, operand), Precision.exactIf(field.scalarExact()));
      case NOT_EQUALS:
        // $ne also matches null and missing keys, where SQL's <> is UNKNOWN.
        return new Translation(PushedFilter.operator(key, "$ne", operand), Precision.NEGATABLE);
      default:
        if (type != SqlTypeName.BIGINT && type != SqlTypeName.DOUBLE) {
          return null; // W&B's string (and boolean) ordering is unverified.
        }
        return new Translation(
            PushedFilter.operator(key, rangeOperator(kind), operand),
            Precision.exactIf(field.scalarExact()));
    }
  }

  /** Widened by a second on each side (see {@link TimestampBounds}); {@code <>} is not pushed. */
  private Translation timestampComparison(
      FilterableField field, SqlKind kind, Operands.Value value) {
    boolean lower =
        kind == SqlKind.EQUALS
            || kind == SqlKind.GREATER_THAN
            || kind == SqlKind.GREATER_THAN_OR_EQUAL;
    boolean upper =
        kind == SqlKind.EQUALS || kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
    if (!lower && !upper) {
      return null;
    }
    List<PushedFilter.Condition> conditions = new ArrayList<>();
    if (lower) {
      FilterOperand bound = value.operand(field, -1);
      if (bound == null) {
        return null;
      }
      conditions.add(
          new PushedFilter.Condition(kind == SqlKind.GREATER_THAN ? "$gt" : "$gte", bound));
    }
    if (upper) {
      FilterOperand bound = value.operand(field, 1);
      if (bound == null) {
        return null;
      }
      conditions.add(new PushedFilter.Condition(kind == SqlKind.LESS_THAN ? "$lt" : "$lte", bound));
    }
    return new Translation(
        PushedFilter.operators(field.filterKey(), conditions), Precision.SUPERSET);
  }

  private static String rangeOperator(SqlKind kind) {
    switch (kind) {
      case LESS_THAN:
        return "$lt";
      case LESS_THAN_OR_EQUAL:
        return "$lte";
      case GREATER_THAN:
        return "$gt";
      case GREATER_THAN_OR_EQUAL:
        return "$gte";
      default:
        throw new IllegalArgumentException("not a range comparison: " + kind);
    }
  }

  /** {@code {k: null}} matches null and missing; only exact on fields without mistyped values. */
  private Translation isNull(RexNode node) {
    FilterableField field = operands.field(node);
    if (field == null || !field.scalarExact()) {
      return null;
    }
    return new Translation(
        PushedFilter.equal(field.filterKey(), FilterOperand.NULL), Precision.EXACT);
  }

  /**
   * On a discovered column {@code $ne: null} also matches mistyped values, which SQL sees as NULL.
   */
  private Translation isNotNull(RexNode node) {
    FilterableField field = operands.field(node);
    if (field == null) {
      return null;
    }
    return new Translation(
        PushedFilter.operator(field.filterKey(), "$ne", FilterOperand.NULL),
        field.scalarExact() ? Precision.EXACT : Precision.SUPERSET);
  }

  private Translation search(RexCall call) {
    FilterableField field = operands.field(call.getOperands().get(0));
    RexNode sargNode = call.getOperands().get(1);
    if (field == null
        || !(sargNode instanceof RexLiteral literal)
        || !(literal.getValue() instanceof Sarg<?> sarg)) {
      return null;
    }
    return SargTranslator.translate(field, sarg, literal.getType());
  }

  /**
   * Case-sensitive LIKE (with an optional ESCAPE) as an anchored {@code $regex}; NOT LIKE, which
   * reaches Rex as NOT(LIKE), as its {@code $nor}. Both stay in the remainder: W&B's regex dialect
   * is unverified. A literal pattern with a {@code _} gives a wider regex ({@link
   * LikePatterns.Regex#exact()}): a SUPERSET, so its NOT LIKE is not pushed; a {@code ?} pattern's
   * is decided when it is bound ({@link FilterOperand.LikeParameter}).
   */
  private Translation like(RexCall call, boolean negated) {
    if (call.getOperator() != SqlStdOperatorTable.LIKE) {
      return null; // ILIKE (also of kind LIKE)
    }
    List<RexNode> args = call.getOperands();
    FilterableField field = operands.field(args.get(0));
    if (field == null || field.type() != SqlTypeName.VARCHAR) {
      return null;
    }
    String escape = null;
    if (args.size() > 2) {
      escape = Operands.text(args.get(2));
      if (escape == null) {
        return null;
      }
    }
    RexNode pattern = args.get(1);
    FilterOperand regex;
    Precision precision = Precision.NEGATABLE;
    if (pattern instanceof RexDynamicParam param) {
      SqlTypeName type = param.getType().getSqlTypeName();
      if (type != SqlTypeName.CHAR && type != SqlTypeName.VARCHAR) {
        return null;
      }
      regex = new FilterOperand.LikeParameter(operands.slot(param), escape);
    } else {
      String text = Operands.text(pattern);
      LikePatterns.Regex literal = text == null ? null : LikePatterns.toRegex(text, escape);
      if (literal == null || (negated && !literal.exact())) {
        return null;
      }
      regex = new FilterOperand.Constant(FilterDocuments.JSON.textNode(literal.text()));
      precision = literal.exact() ? Precision.NEGATABLE : Precision.SUPERSET;
    }
    PushedFilter matches = PushedFilter.operator(field.filterKey(), "$regex", regex);
    return new Translation(negated ? PushedFilter.nor(matches) : matches, precision);
  }
}
