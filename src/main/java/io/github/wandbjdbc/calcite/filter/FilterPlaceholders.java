package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Values known only at execution in pushed filters. A {@code ?} becomes a placeholder object where
 * its operand goes, naming its {@link ValueSlots} slot, e.g. {@code {"$slot": 0, "$sqlType":
 * "TIMESTAMP", "$shiftSeconds": -1}} or, for a LIKE pattern, {@code {"$slot": 1, "$like": true,
 * "$escape": "!"}}; {@link #bind} replaces each with exactly the operand a literal of that value
 * would have produced.
 *
 * <p>A NULL parameter makes its comparison UNKNOWN in SQL, so the field condition holding the
 * placeholder becomes {@link FilterDocuments#matchesNothing()}. That is exact where the comparison
 * is positive; under {@code $nor} it widens the filter, which is safe because every negated
 * predicate stays in Calcite's remainder.
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
public final class FilterPlaceholders {
  private static final String SLOT = "$slot";
  private static final String SQL_TYPE = "$sqlType";
  private static final String SHIFT = "$shiftSeconds";
  private static final String LIKE = "$like";
  private static final String ESCAPE = "$escape";

  /** What {@link #boundOperand} answers for a condition that must match nothing. */
  private static final JsonNode MATCHES_NOTHING = FilterDocuments.matchesNothing();

  private FilterPlaceholders() {}

  /** A placeholder for a value operand; {@code shiftSeconds} is used for TIMESTAMP only. */
  static ObjectNode placeholder(int index, SqlTypeName type, int shiftSeconds) {
    ObjectNode placeholder = FilterDocuments.JSON.objectNode();
    placeholder.put(SLOT, index);
    placeholder.put(SQL_TYPE, type.getName());
    if (type == SqlTypeName.TIMESTAMP) {
      placeholder.put(SHIFT, shiftSeconds);
    }
    return placeholder;
  }

  /** A placeholder for a LIKE pattern, bound to its regex. */
  static ObjectNode likePlaceholder(int index, String escape) {
    ObjectNode placeholder = FilterDocuments.JSON.objectNode();
    placeholder.put(SLOT, index);
    placeholder.put(LIKE, true);
    if (escape != null) {
      placeholder.put(ESCAPE, escape);
    }
    return placeholder;
  }

  static boolean isPlaceholder(JsonNode node) {
    return node.isObject() && node.has(SLOT);
  }

  static boolean hasPlaceholders(JsonNode filter) {
    if (isPlaceholder(filter)) {
      return true;
    }
    for (JsonNode child : filter) {
      if (hasPlaceholders(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of the filter with every placeholder bound; the input is not modified.
   *
   * @param parameterValue the value of slot {@code i} as the scan's generated code computed it
   * @throws IllegalArgumentException for a value that does not fit its placeholder's type, or an
   *     invalid LIKE pattern (which Calcite would reject as well)
   */
  public static ObjectNode bind(ObjectNode filter, IntFunction<Object> parameterValue) {
    return bind(filter, parameterValue, false);
  }

  /**
   * @param negated whether the document sits under an odd number of {@code $nor}s
   */
  private static ObjectNode bind(
      ObjectNode filter, IntFunction<Object> parameterValue, boolean negated) {
    ObjectNode bound = FilterDocuments.JSON.objectNode();
    for (Map.Entry<String, JsonNode> entry : filter.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
        boolean operandsNegated = negated ^ key.equals("$nor");
        ArrayNode operands = bound.putArray(key);
        value.forEach(
            operand -> operands.add(bind((ObjectNode) operand, parameterValue, operandsNegated)));
      } else {
        JsonNode condition = bindCondition(value, parameterValue, negated);
        if (condition != null) {
          bound.set(key, condition);
        }
      }
    }
    return bound;
  }

  /** The bound condition, or null when it cannot narrow the scan and is left out. */
  private static JsonNode bindCondition(
      JsonNode condition, IntFunction<Object> parameterValue, boolean negated) {
    if (isPlaceholder(condition)) {
      return fresh(boundOperand(condition, parameterValue, negated));
    }
    if (!FilterDocuments.isOperatorObject(condition)) {
      return condition.deepCopy();
    }
    ObjectNode bound = FilterDocuments.JSON.objectNode();
    for (Map.Entry<String, JsonNode> entry : condition.properties()) {
      JsonNode operand = entry.getValue();
      if (isPlaceholder(operand)) {
        operand = boundOperand(operand, parameterValue, negated);
        if (operand == null || operand == MATCHES_NOTHING) {
          return fresh(operand);
        }
      }
      bound.set(entry.getKey(), operand.deepCopy());
    }
    return bound;
  }

  /**
   * The operand for a placeholder; {@link #MATCHES_NOTHING} for a NULL parameter, or under {@code
   * $nor} for a value without JSON form or a LIKE pattern with a {@code _}; null for a value
   * without JSON form elsewhere.
   */
  private static JsonNode boundOperand(
      JsonNode placeholder, IntFunction<Object> parameterValue, boolean negated) {
    Object value = parameterValue.apply(placeholder.get(SLOT).intValue());
    if (value == null) {
      return MATCHES_NOTHING;
    }
    if (isNonFinite(placeholder, value)) {
      return negated ? MATCHES_NOTHING : null;
    }
    return resolve(placeholder, value, negated);
  }

  /** The sentinel as a condition of its own (callers may modify the documents they get). */
  private static JsonNode fresh(JsonNode operand) {
    return operand == MATCHES_NOTHING ? FilterDocuments.matchesNothing() : operand;
  }

  private static boolean isNonFinite(JsonNode placeholder, Object value) {
    return !placeholder.path(LIKE).booleanValue()
        && SqlTypeName.DOUBLE.getName().equals(placeholder.path(SQL_TYPE).textValue())
        && value instanceof Number number
        && !Double.isFinite(number.doubleValue());
  }

  /**
   * The operand for a placeholder's non-null value; {@link #MATCHES_NOTHING} for a LIKE pattern
   * whose regex is wider than the LIKE, under {@code $nor}.
   */
  private static JsonNode resolve(JsonNode placeholder, Object value, boolean negated) {
    if (placeholder.path(LIKE).booleanValue()) {
      String escape = placeholder.has(ESCAPE) ? placeholder.get(ESCAPE).textValue() : null;
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
    SqlTypeName type = SqlTypeName.get(placeholder.get(SQL_TYPE).textValue());
    JsonNode operand = FilterValues.encode(type, value, placeholder.path(SHIFT).intValue());
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
}
