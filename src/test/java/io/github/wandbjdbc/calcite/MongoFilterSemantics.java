package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A tiny MongoDB-semantics evaluator for W&B filters over a flat document keyed by filter key: a
 * missing key matches {@code {k: null}}, {@code $ne}, {@code $nin} and {@code $nor}; comparisons
 * never match across types; an array matches when it or any element does; {@code $ne}/{@code $nin}
 * are the negations of {@code $eq}/{@code $in}. Written for the tests, independent of the
 * translator and of the emulator.
 */
public final class MongoFilterSemantics {
  private MongoFilterSemantics() {}

  public static boolean matches(JsonNode filter, ObjectNode document) {
    for (Map.Entry<String, JsonNode> entry : filter.properties()) {
      if (!clause(entry.getKey(), entry.getValue(), document)) {
        return false;
      }
    }
    return true;
  }

  private static boolean clause(String key, JsonNode value, ObjectNode document) {
    switch (key) {
      case "$and":
        for (JsonNode operand : value) {
          if (!matches(operand, document)) {
            return false;
          }
        }
        return true;
      case "$or":
        for (JsonNode operand : value) {
          if (matches(operand, document)) {
            return true;
          }
        }
        return false;
      case "$nor":
        return !clause("$or", value, document);
      default:
        return condition(document.get(key), value);
    }
  }

  private static boolean condition(JsonNode value, JsonNode condition) {
    if (!isOperatorObject(condition)) {
      return equal(value, condition);
    }
    for (Map.Entry<String, JsonNode> entry : condition.properties()) {
      if (!operator(value, entry.getKey(), entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean operator(JsonNode value, String operator, JsonNode operand) {
    switch (operator) {
      case "$eq":
        return equal(value, operand);
      case "$ne":
        return !equal(value, operand);
      case "$gt":
        return compare(value, operand, c -> c > 0);
      case "$gte":
        return compare(value, operand, c -> c >= 0);
      case "$lt":
        return compare(value, operand, c -> c < 0);
      case "$lte":
        return compare(value, operand, c -> c <= 0);
      case "$in":
        return in(value, operand);
      case "$nin":
        return !in(value, operand);
      case "$exists":
        return (value != null) == operand.booleanValue();
      case "$regex":
        Pattern pattern = Pattern.compile(operand.textValue());
        return value != null
            && selfOrElement(value, n -> n.isTextual() && pattern.matcher(n.textValue()).find());
      default:
        throw new IllegalArgumentException("unsupported operator " + operator);
    }
  }

  private static boolean in(JsonNode value, JsonNode candidates) {
    for (JsonNode candidate : candidates) {
      if (equal(value, candidate)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(JsonNode value, JsonNode operand) {
    if (value == null) {
      return operand.isNull();
    }
    return selfOrElement(
        value,
        n ->
            n.isNumber() && operand.isNumber()
                ? n.decimalValue().compareTo(operand.decimalValue()) == 0
                : n.equals(operand));
  }

  private static boolean compare(JsonNode value, JsonNode operand, IntPredicate accept) {
    return value != null
        && selfOrElement(
            value,
            n -> {
              if (n.isNumber() && operand.isNumber()) {
                return accept.test(n.decimalValue().compareTo(operand.decimalValue()));
              }
              if (n.isTextual() && operand.isTextual()) {
                return accept.test(n.textValue().compareTo(operand.textValue()));
              }
              if (n.isBoolean() && operand.isBoolean()) {
                return accept.test(Boolean.compare(n.booleanValue(), operand.booleanValue()));
              }
              return n.isNull() && operand.isNull() && accept.test(0);
            });
  }

  private static boolean selfOrElement(JsonNode value, Predicate<JsonNode> test) {
    if (test.test(value)) {
      return true;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (test.test(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isOperatorObject(JsonNode condition) {
    if (!condition.isObject() || condition.isEmpty()) {
      return false;
    }
    for (Iterator<String> names = condition.fieldNames(); names.hasNext(); ) {
      if (!names.next().startsWith("$")) {
        return false;
      }
    }
    return true;
  }
}
