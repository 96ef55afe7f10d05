package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value side of a pushable comparison: a constant (a String, Number, Boolean, or epoch millis
 * for a TIMESTAMP) or the index of a dynamic parameter, bound at execution.
 */
record ValueOperand(Object constant, Integer parameter) {
  ValueOperand {
    if ((constant == null) == (parameter == null)) {
      throw new IllegalArgumentException("exactly one of constant and parameter must be set");
    }
  }

  static ValueOperand constant(Object value) {
    return new ValueOperand(value, null);
  }

  static ValueOperand parameter(int index) {
    return new ValueOperand(null, index);
  }

  /** The JSON operand for a field, or null when the constant does not fit its type. */
  JsonNode json(FilterableField field, int shiftSeconds) {
    return parameter != null
        ? FilterParameters.placeholder(parameter, field.type(), shiftSeconds)
        : FilterValues.encode(field.type(), constant, shiftSeconds);
  }
}
