package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The value side of a pushed field condition: a constant, or the {@link ValueSlots} slot of a value
 * known only at execution (a {@code ?}). {@link #bind} gives the operand for one execution's
 * values: for a slot, exactly the operand a literal of that value would have produced.
 *
 * <p>A NULL parameter makes its comparison UNKNOWN in SQL, so the field condition holding it
 * becomes {@link FilterDocuments#matchesNothing()}. That is exact where the comparison is positive;
 * under {@code $nor} it widens the filter, which is safe because every negated predicate stays in
 * Calcite's remainder.
 *
 * <p>A LIKE pattern with a {@code _} gives a regex wider than the LIKE ({@link
 * LikePatterns.Regex#exact()}); under {@code $nor} it would narrow the filter, so there its field
 * condition matches nothing, which widens it.
 *
 * <p>A DOUBLE parameter bound to NaN or an infinity has no JSON form, yet SQL compares with it
 * ({@code x < Infinity} holds for every finite x). Its field condition cannot narrow the scan, so
 * it is dropped where it is positive (the filter widens) and matches nothing under an odd number of
 * {@code $nor}s (the {@code $nor} widens). Either way the pushed filter stays a superset; the
 * comparison itself is never exact (DOUBLE columns are discovered ones), so Calcite re-checks it.
 */
sealed interface FilterOperand {
  /** What {@link #bind} answers when the field condition holding the operand matches nothing. */
  JsonNode MATCHES_NOTHING = FilterDocuments.matchesNothing();

  /** JSON null: {@code {k: null}} matches null and missing keys. */
  Constant NULL = new Constant(NullNode.instance);

  /**
   * The JSON operand; {@link #MATCHES_NOTHING} when its field condition must match nothing; null
   * when its field condition cannot narrow the scan and is left out.
   *
   * @param values the slots' values as the scan's generated code computed them
   * @param negated whether the operand sits under an odd number of {@code $nor}s
   * @throws IllegalArgumentException for a value that does not fit the slot's type, or an invalid
   *     LIKE pattern (which Calcite would reject as well)
   */
  JsonNode bind(Object[] values, boolean negated);

  /** The operand as EXPLAIN shows it: a slot as {@code {"$slot": n, ...}}. */
  JsonNode describe();

  /**
   * The JSON operand W&B compares a field of {@code type} with, or null when the value does not fit
   * the type exactly (a fraction for a BIGINT field, a non-finite double, a string for a number
   * field, ...). Literals (at planning time) and bound parameters (at execution time) both come
   * through here, so the same value always yields the same filter.
   *
   * @param value a String, Number, Boolean, or for TIMESTAMP epoch millis or a {@code Timestamp}
   * @param shiftSeconds for TIMESTAMP only: the widening of the bound (see {@link TimestampBounds})
   */
  static JsonNode encode(SqlTypeName type, Object value, int shiftSeconds) {
    switch (type) {
      case VARCHAR:
        return value instanceof String || value instanceof Character
            ? FilterDocuments.JSON.textNode(value.toString())
            : null;
      case BIGINT:
        Long integral = integralValue(value);
        return integral == null ? null : FilterDocuments.JSON.numberNode(integral);
      case DOUBLE:
        if (!(value instanceof Number number)) {
          return null;
        }
        double d = number.doubleValue();
        return Double.isFinite(d) ? FilterDocuments.JSON.numberNode(d) : null;
      case BOOLEAN:
        return value instanceof Boolean b ? FilterDocuments.JSON.booleanNode(b) : null;
      case TIMESTAMP:
        Long millis = TimestampBounds.epochMillis(value);
        return millis == null
            ? null
            : FilterDocuments.JSON.textNode(TimestampBounds.bound(millis, shiftSeconds));
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

  /** A scalar (text, number, boolean or null); value nodes cannot be changed, so it is shared. */
  record Constant(JsonNode value) implements FilterOperand {
    public Constant {
      if (!value.isValueNode()) {
        throw new IllegalArgumentException("not a scalar: " + value);
      }
    }

    @Override
    public JsonNode bind(Object[] values, boolean negated) {
      return value;
    }

    @Override
    public JsonNode describe() {
      return value;
    }
  }

  /** A list of scalars, for {@code $in} and {@code $nin}; each request gets its own array. */
  record Constants(List<Constant> elements) implements FilterOperand {
    public Constants {
      elements = List.copyOf(elements);
    }

    @Override
    public JsonNode bind(Object[] values, boolean negated) {
      return array();
    }

    @Override
    public JsonNode describe() {
      return array();
    }

    private ArrayNode array() {
      ArrayNode array = FilterDocuments.JSON.arrayNode(elements.size());
      elements.forEach(element -> array.add(element.value()));
      return array;
    }
  }

  /**
   * A {@code ?} compared with a field of {@code type}.
   *
   * @param shiftSeconds for TIMESTAMP only: the widening of the bound ({@link TimestampBounds})
   */
  record Parameter(int slot, SqlTypeName type, int shiftSeconds) implements FilterOperand {
    @Override
    public JsonNode bind(Object[] values, boolean negated) {
      Object value = values[slot];
      if (value == null) {
        return MATCHES_NOTHING;
      }
      if (type == SqlTypeName.DOUBLE
          && value instanceof Number number
          && !Double.isFinite(number.doubleValue())) {
        return negated ? MATCHES_NOTHING : null;
      }
      JsonNode operand = encode(type, value, shiftSeconds);
      if (operand == null) {
        throw new IllegalArgumentException(
            "a ? parameter has the "
                + value.getClass().getSimpleName()
                + " value "
                + value
                + ", which cannot be compared as "
                + type);
      }
      return operand;
    }

    @Override
    public JsonNode describe() {
      ObjectNode slotNode = FilterDocuments.JSON.objectNode();
      slotNode.put("$slot", slot);
      slotNode.put("$sqlType", type.getName());
      if (type == SqlTypeName.TIMESTAMP) {
        slotNode.put("$shiftSeconds", shiftSeconds);
      }
      return slotNode;
    }
  }

  /**
   * A batched join's run ids: the distinct non-null values of {@code slots}, as a list. Calcite
   * pads a batch's short last part with its first row's values, so repeats and nulls are expected.
   */
  record RunIds(List<Integer> slots) implements FilterOperand {
    public RunIds {
      slots = List.copyOf(slots);
    }

    @Override
    public JsonNode bind(Object[] values, boolean negated) {
      Set<String> ids = new LinkedHashSet<>();
      slots.forEach(
          slot -> {
            if (values[slot] != null) {
              ids.add(values[slot].toString());
            }
          });
      ArrayNode array = FilterDocuments.JSON.arrayNode(ids.size());
      ids.forEach(array::add);
      return array;
    }

    @Override
    public JsonNode describe() {
      ObjectNode slotsNode = FilterDocuments.JSON.objectNode();
      slots.forEach(slotsNode.putArray("$slots")::add);
      return slotsNode;
    }
  }

  /**
   * A {@code ?} LIKE pattern, bound to its {@code $regex}.
   *
   * @param escape the ESCAPE string, or null when the LIKE has none
   */
  record LikeParameter(int slot, String escape) implements FilterOperand {
    @Override
    public JsonNode bind(Object[] values, boolean negated) {
      Object value = values[slot];
      if (value == null) {
        return MATCHES_NOTHING;
      }
      LikePatterns.Regex regex =
          value instanceof String pattern ? LikePatterns.toRegex(pattern, escape) : null;
      if (regex == null) {
        throw new IllegalArgumentException(
            "the ? parameter value '"
                + value
                + "' is not a valid LIKE pattern"
                + (escape == null ? "" : " with ESCAPE '" + escape + "'"));
      }
      return negated && !regex.exact()
          ? MATCHES_NOTHING
          : FilterDocuments.JSON.textNode(regex.text());
    }

    @Override
    public JsonNode describe() {
      ObjectNode slotNode = FilterDocuments.JSON.objectNode();
      slotNode.put("$slot", slot);
      slotNode.put("$like", true);
      if (escape != null) {
        slotNode.put("$escape", escape);
      }
      return slotNode;
    }
  }
}
