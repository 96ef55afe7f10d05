package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Dynamic parameters in pushed filters. A {@code ?} becomes a placeholder object where its operand
 * goes, e.g. {@code {"$param": 0, "$sqlType": "TIMESTAMP", "$shiftSeconds": -1}} or, for a LIKE
 * pattern, {@code {"$param": 1, "$like": true, "$escape": "!"}}; {@link #bind} replaces each with
 * exactly the operand a literal of that value would have produced.
 *
 * <p>A NULL parameter makes its comparison UNKNOWN in SQL, so the field condition holding the
 * placeholder becomes {@link FilterDocuments#matchesNothing()}. That is exact where the comparison
 * is positive; under {@code $nor} it widens the filter, which is safe because every negated
 * predicate stays in Calcite's remainder.
 */
final class FilterParameters {
  private static final String PARAM = "$param";
  private static final String SQL_TYPE = "$sqlType";
  private static final String SHIFT = "$shiftSeconds";
  private static final String LIKE = "$like";
  private static final String ESCAPE = "$escape";

  private FilterParameters() {}

  /** A placeholder for a value operand; {@code shiftSeconds} is used for TIMESTAMP only. */
  static ObjectNode placeholder(int index, SqlTypeName type, int shiftSeconds) {
    ObjectNode placeholder = FilterDocuments.JSON.objectNode();
    placeholder.put(PARAM, index);
    placeholder.put(SQL_TYPE, type.getName());
    if (type == SqlTypeName.TIMESTAMP) {
      placeholder.put(SHIFT, shiftSeconds);
    }
    return placeholder;
  }

  /** A placeholder for a LIKE pattern, bound to its regex. */
  static ObjectNode likePlaceholder(int index, String escape) {
    ObjectNode placeholder = FilterDocuments.JSON.objectNode();
    placeholder.put(PARAM, index);
    placeholder.put(LIKE, true);
    if (escape != null) {
      placeholder.put(ESCAPE, escape);
    }
    return placeholder;
  }

  static boolean isPlaceholder(JsonNode node) {
    return node.isObject() && node.has(PARAM);
  }

  static boolean hasParameters(JsonNode filter) {
    if (isPlaceholder(filter)) {
      return true;
    }
    for (JsonNode child : filter) {
      if (hasParameters(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of the filter with every placeholder bound; the input is not modified.
   *
   * @param parameterValue the value of parameter {@code i} as Calcite hands it at run time
   * @throws IllegalArgumentException for a value that does not fit its placeholder's type, or an
   *     invalid LIKE pattern (which Calcite would reject as well)
   */
  static ObjectNode bind(ObjectNode filter, IntFunction<Object> parameterValue) {
    ObjectNode bound = FilterDocuments.JSON.objectNode();
    for (Map.Entry<String, JsonNode> entry : filter.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
        ArrayNode operands = bound.putArray(key);
        value.forEach(operand -> operands.add(bind((ObjectNode) operand, parameterValue)));
      } else {
        bound.set(key, bindCondition(value, parameterValue));
      }
    }
    return bound;
  }

  private static JsonNode bindCondition(JsonNode condition, IntFunction<Object> parameterValue) {
    if (isPlaceholder(condition)) {
      JsonNode operand = resolve(condition, parameterValue);
      return operand == null ? FilterDocuments.matchesNothing() : operand;
    }
    if (!FilterDocuments.isOperatorObject(condition)) {
      return condition.deepCopy();
    }
    ObjectNode bound = FilterDocuments.JSON.objectNode();
    for (Map.Entry<String, JsonNode> entry : condition.properties()) {
      JsonNode operand = entry.getValue();
      if (isPlaceholder(operand)) {
        operand = resolve(operand, parameterValue);
        if (operand == null) {
          return FilterDocuments.matchesNothing();
        }
      }
      bound.set(entry.getKey(), operand.deepCopy());
    }
    return bound;
  }

  /** The operand for a placeholder, or null for a NULL parameter. */
  private static JsonNode resolve(JsonNode placeholder, IntFunction<Object> parameterValue) {
    int index = placeholder.get(PARAM).intValue();
    Object value = parameterValue.apply(index);
    if (value == null) {
      return null;
    }
    if (placeholder.path(LIKE).booleanValue()) {
      String escape = placeholder.has(ESCAPE) ? placeholder.get(ESCAPE).textValue() : null;
      String regex = value instanceof String pattern ? LikePatterns.toRegex(pattern, escape) : null;
      if (regex == null) {
        throw new IllegalArgumentException("parameter " + (index + 1)
            + " is not a valid LIKE pattern" + (escape == null ? "" : " with ESCAPE '" + escape + "'"));
      }
      return FilterDocuments.JSON.textNode(regex);
    }
    SqlTypeName type = SqlTypeName.get(placeholder.get(SQL_TYPE).textValue());
    JsonNode operand = FilterValues.encode(type, value, placeholder.path(SHIFT).intValue());
    if (operand == null) {
      throw new IllegalArgumentException("parameter " + (index + 1) + " has a "
          + value.getClass().getSimpleName() + " value, which cannot be compared as " + type);
    }
    return operand;
  }
}
