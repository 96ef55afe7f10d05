package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value side of a pushable comparison: a constant (a String, Number, Boolean, or epoch millis
 * for a TIMESTAMP) or the {@link ValueSlots} slot of a value known at execution (a {@code ?}).
 */
record ValueOperand(Object constant, Integer slot) {
  ValueOperand {
    if ((constant == null) == (slot == null)) {
      throw new IllegalArgumentException("exactly one of constant and slot must be set");
    }
  }

  static ValueOperand constant(Object value) {
    return new ValueOperand(value, null);
  }

  static ValueOperand slot(int slot) {
    return new ValueOperand(null, slot);
  }

  /** The JSON operand for a field, or null when the constant does not fit its type. */
  JsonNode json(FilterableField field, int shiftSeconds) {
    return slot != null
        ? FilterPlaceholders.placeholder(slot, field.type(), shiftSeconds)
        : FilterValues.encode(field.type(), constant, shiftSeconds);
  }
}
