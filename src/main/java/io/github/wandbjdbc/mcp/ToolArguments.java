package io.github.wandbjdbc.mcp;

import java.util.Map;

/** A tool call's arguments, checked; a bad one throws IllegalArgumentException with the fix. */
record ToolArguments(Map<String, Object> values) {
  ToolArguments {
    values = values == null ? Map.of() : values;
  }

  String text(String name) {
    Object value = values.get(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException("argument '" + name + "' is required: a non-empty string");
    }
    return text;
  }

  String optionalText(String name) {
    Object value = values.get(name);
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  int integer(String name, int fallback, int min, int max) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && number.doubleValue() >= min
        && number.doubleValue() <= max) {
      return number.intValue();
    }
    throw new IllegalArgumentException(
        "argument '"
            + name
            + "' must be a whole number from "
            + min
            + " to "
            + max
            + ", got "
            + value
            + (name.equals("maxRows")
                ? "; narrow the query (WHERE, LIMIT, GROUP BY) instead of reading more rows"
                : ""));
  }
}
