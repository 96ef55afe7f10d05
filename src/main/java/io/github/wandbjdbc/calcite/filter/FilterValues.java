package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Encodes a SQL value as the JSON operand W&B compares a field of the given type with. Literals (at
 * planning time) and bound parameters (at execution time) both come through here, so the same value
 * always yields the same filter.
 */
final class FilterValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private FilterValues() {}

  /**
   * The JSON operand, or null when the value does not fit the field type exactly (a fraction for a
   * BIGINT field, a non-finite double, a string for a number field, ...).
   *
   * @param value a String, Number, Boolean, or for TIMESTAMP epoch millis or a {@code Timestamp}
   * @param shiftSeconds for TIMESTAMP only: the widening of the bound (see {@link TimestampBounds})
   */
  static JsonNode encode(SqlTypeName type, Object value, int shiftSeconds) {
    switch (type) {
      case VARCHAR:
        return value instanceof String || value instanceof Character
            ? JSON.textNode(value.toString())
            : null;
      case BIGINT:
        Long integral = integralValue(value);
        return integral == null ? null : JSON.numberNode(integral);
      case DOUBLE:
        if (!(value instanceof Number number)) {
          return null;
        }
        double d = number.doubleValue();
        return Double.isFinite(d) ? JSON.numberNode(d) : null;
      case BOOLEAN:
        return value instanceof Boolean b ? JSON.booleanNode(b) : null;
      case TIMESTAMP:
        Long millis = TimestampBounds.epochMillis(value);
        return millis == null ? null : JSON.textNode(TimestampBounds.bound(millis, shiftSeconds));
      default:
        return null;
    }
  }

  private static Long integralValue(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    try {
      if (value instanceof BigDecimal decimal) {
        return decimal.longValueExact();
      }
      if (value instanceof BigInteger integer) {
        return integer.longValueExact();
      }
    } catch (ArithmeticException notAnExactLong) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      // 2^63 itself is not a long; every double below it that is integral is.
      boolean fits = d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63;
      return fits ? (long) d : null;
    }
    return null;
  }
}
