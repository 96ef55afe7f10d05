package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * MongoDB's comparison order for JSON values, the one rule both the filter evaluator and the run
 * ordering build on. Type classes rank null &lt; numbers &lt; strings &lt; objects &lt; arrays &lt;
 * booleans (dates, ranked above booleans, are handled by the callers since JSON has no date type).
 * Within a class: numbers numerically (an int equals the same double; NaN below every other number
 * and equal to itself), strings by code point (the order of their UTF-8 bytes, as MongoDB's simple
 * collation compares), objects field by field in their stored order, arrays element by element, a
 * shorter prefix first, false before true.
 */
final class BsonValues {
  private static final int NULL_RANK = 0;

  private BsonValues() {}

  /** The rank of a value's type class; Java null (a missing field) ranks with JSON null. */
  static int typeRank(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NULL_RANK;
    }
    if (node.isNumber()) {
      return 1;
    }
    if (node.isTextual()) {
      return 2;
    }
    if (node.isObject()) {
      return 3;
    }
    if (node.isArray()) {
      return 4;
    }
    if (node.isBoolean()) {
      return 5;
    }
    // Binary and POJO nodes never come out of a JSON filter or the generated data.
    throw new IllegalArgumentException("unsupported JSON node type: " + node.getNodeType());
  }

  static boolean isNaN(JsonNode node) {
    return node != null
        && node.isNumber()
        && node.isFloatingPointNumber()
        && Double.isNaN(node.doubleValue());
  }

  /** Total order over all values (missing = null). */
  static int compare(JsonNode a, JsonNode b) {
    int rankOrder = Integer.compare(typeRank(a), typeRank(b));
    if (rankOrder != 0) {
      return rankOrder;
    }
    switch (typeRank(a)) {
      case 1:
        return compareNumbers(a, b);
      case 2:
        return compareStrings(a.textValue(), b.textValue());
      case 3:
        return compareObjects(a, b);
      case 4:
        return compareArrays(a, b);
      case 5:
        return Boolean.compare(a.booleanValue(), b.booleanValue());
      default:
        return 0;
    }
  }

  static int compareNumbers(JsonNode a, JsonNode b) {
    boolean aNaN = isNaN(a);
    boolean bNaN = isNaN(b);
    if (aNaN || bNaN) {
      return Boolean.compare(!aNaN, !bNaN);
    }
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().compareTo(b.bigIntegerValue());
    }
    double da = a.doubleValue();
    double db = b.doubleValue();
    if (Double.isInfinite(da) || Double.isInfinite(db)) {
      return Double.compare(da, db);
    }
    // Exact decimal comparison: 2^53 + 1 (a long) is not equal to the double 2^53.
    return a.decimalValue().compareTo(b.decimalValue());
  }

  static int compareStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static int compareObjects(JsonNode a, JsonNode b) {
    Iterator<Map.Entry<String, JsonNode>> ia = a.fields();
    Iterator<Map.Entry<String, JsonNode>> ib = b.fields();
    while (ia.hasNext() && ib.hasNext()) {
      Map.Entry<String, JsonNode> ea = ia.next();
      Map.Entry<String, JsonNode> eb = ib.next();
      int order = Integer.compare(typeRank(ea.getValue()), typeRank(eb.getValue()));
      if (order == 0) {
        order = compareStrings(ea.getKey(), eb.getKey());
      }
      if (order == 0) {
        order = compare(ea.getValue(), eb.getValue());
      }
      if (order != 0) {
        return order;
      }
    }
    return Boolean.compare(ia.hasNext(), ib.hasNext());
  }

  private static int compareArrays(JsonNode a, JsonNode b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      int order = compare(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
