package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text for the JSON-valued columns ({@code config}, {@code summary}, {@code tags}, ...). */
public final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /**
   * Non-finite numbers become the strings "NaN"/"Infinity", so the text is valid JSON; null stays
   * SQL NULL.
   */
  public static String textOrNull(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a W&B value as JSON", e);
    }
  }
}
