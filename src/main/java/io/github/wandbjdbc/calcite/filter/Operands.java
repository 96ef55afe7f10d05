package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/** Recognises the operands of a pushable predicate: a scan field, a constant, a `?`. */
final class Operands {
  private static final Set<SqlTypeName> INTEGER_TYPES =
      EnumSet.of(
          SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);
  // REAL/FLOAT are left out: SQL compares their float value, not the decimal the literal spells.
  private static final Set<SqlTypeName> DOUBLE_COMPARABLE =
      EnumSet.of(
          SqlTypeName.TINYINT,
          SqlTypeName.SMALLINT,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DECIMAL,
          SqlTypeName.DOUBLE);

  private final List<FilterableField> fields;
  private final ValueSlots slots;
  private final RexSimplify simplify;

  Operands(List<FilterableField> fields, ValueSlots slots, RexBuilder rexBuilder) {
    this.fields = List.copyOf(fields);
    this.slots = slots;
    this.simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR);
  }

  /**
   * The pushable field a node reads, or null. A CAST around the field is accepted only when it
   * changes nothing but nullability or widens a TIMESTAMP's precision (Calcite adds one to compare
   * with a literal that has fractional seconds).
   */
  FilterableField field(RexNode node) {
    RexNode inner = node;
    if (node.getKind() == SqlKind.CAST) {
      inner = ((RexCall) node).getOperands().get(0);
      if (!losslessCast(inner.getType(), node.getType())) {
        return null;
      }
    }
    if (!(inner instanceof RexInputRef ref) || ref.getIndex() >= fields.size()) {
      return null;
    }
    FilterableField field = fields.get(ref.getIndex());
    return field.pushable() && field.type() == inner.getType().getSqlTypeName() ? field : null;
  }

  /**
   * The value a node stands for when compared with the field, or null when it is not a constant or
   * parameter of a type that fits the field. Constant expressions (a CAST of a literal) are reduced
   * the way Calcite itself would.
   */
  Value value(RexNode node, FilterableField field) {
    if (node instanceof RexDynamicParam param) {
      return fits(param.getType(), field.type(), true) ? Value.slot(slots.slot(param)) : null;
    }
    RexNode reduced =
        node instanceof RexLiteral || !RexUtil.isConstant(node) ? node : simplify.simplify(node);
    if (!(reduced instanceof RexLiteral literal)) {
      return null;
    }
    // getValue() gives a TIMESTAMP as a Calendar; Sargs hold TimestampStrings, so read that.
    Comparable<?> raw =
        literal.getTypeName() == SqlTypeName.TIMESTAMP
            ? literal.getValueAs(TimestampString.class)
            : literal.getValue();
    Object constant = constant(raw, literal.getType(), field);
    return constant == null ? null : Value.constant(constant);
  }

  /** The slot of a value known only at execution. */
  int slot(RexNode value) {
    return slots.slot(value);
  }

  /** A character literal's text, or null. */
  static String text(RexNode node) {
    if (node instanceof RexLiteral literal && literal.getValue() instanceof NlsString nls) {
      return nls.getValue();
    }
    return null;
  }

  /**
   * A literal or Sarg value (Calcite's internal representation) as a plain Java value, or null when
   * it is NULL or its type does not fit the field.
   */
  static Object constant(Comparable<?> value, RelDataType type, FilterableField field) {
    if (value == null || !fits(type, field.type(), false)) {
      return null;
    }
    if (value instanceof NlsString nls) {
      return nls.getValue();
    }
    if (value instanceof TimestampString timestamp) {
      return timestamp.getMillisSinceEpoch();
    }
    return value instanceof Number || value instanceof Boolean ? value : null;
  }

  private static boolean fits(RelDataType valueType, SqlTypeName fieldType, boolean parameter) {
    SqlTypeName type = valueType.getSqlTypeName();
    switch (fieldType) {
      case VARCHAR:
        return type == SqlTypeName.CHAR || type == SqlTypeName.VARCHAR;
      case BIGINT:
        // A decimal constant is checked for integrality when encoded; a decimal `?` could not be.
        return parameter ? INTEGER_TYPES.contains(type) : DOUBLE_COMPARABLE.contains(type);
      case DOUBLE:
        return DOUBLE_COMPARABLE.contains(type);
      case BOOLEAN:
      case TIMESTAMP:
        return type == fieldType;
      default:
        return false;
    }
  }

  private static boolean losslessCast(RelDataType from, RelDataType to) {
    if (from.getSqlTypeName() != to.getSqlTypeName()) {
      return false;
    }
    return to.getPrecision() == from.getPrecision()
        || (to.getSqlTypeName() == SqlTypeName.TIMESTAMP
            && to.getPrecision() > from.getPrecision());
  }

  /**
   * The value side of a pushable comparison: a constant (a String, Number, Boolean, or epoch millis
   * for a TIMESTAMP) or the {@link ValueSlots} slot of a value known at execution (a {@code ?}).
   */
  record Value(Object constant, Integer slot) {
    Value {
      if ((constant == null) == (slot == null)) {
        throw new IllegalArgumentException("exactly one of constant and slot must be set");
      }
    }

    static Value constant(Object value) {
      return new Value(value, null);
    }

    static Value slot(int slot) {
      return new Value(null, slot);
    }

    /**
     * The operand for a field, or null when the constant does not fit its type.
     *
     * @param shiftSeconds for a TIMESTAMP field only: the widening of the bound ({@link
     *     TimestampBounds})
     */
    FilterOperand operand(FilterableField field, int shiftSeconds) {
      if (slot != null) {
        return new FilterOperand.Parameter(slot, field.type(), shiftSeconds);
      }
      JsonNode json = FilterOperand.encode(field.type(), constant, shiftSeconds);
      return json == null ? null : new FilterOperand.Constant(json);
    }
  }
}
