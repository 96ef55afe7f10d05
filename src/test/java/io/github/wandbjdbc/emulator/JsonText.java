package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The two JSON dialects the emulator speaks. Text inside {@code JSONString} values is written the
 * way Python's {@code json.dumps} writes it: non-finite numbers as bare {@code NaN}, {@code
 * Infinity} and {@code -Infinity} tokens, which clients must tolerate. The HTTP envelope itself
 * stays strict JSON (non-finite numbers inside {@code JSON} values become strings there).
 */
final class JsonText {
  /** Strict JSON for HTTP bodies; reads leniently so tests can parse what the server wrote. */
  static final ObjectMapper ENVELOPE =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private static final ObjectMapper PYTHON_STYLE =
      JsonMapper.builder()
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private JsonText() {}

  /** Serializes a value as the JSON text carried by a {@code JSONString}. */
  static String write(JsonNode value) {
    try {
      return PYTHON_STYLE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a {@code JSONString} argument: JSON text, or an already-decoded value (clients may send
   * either). Returns null for null.
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  static JsonNode read(Object argument, String what) {
    if (argument == null) {
      return null;
    }
    if (argument instanceof JsonNode node) {
      return node;
    }
    if (argument instanceof String text) {
      try {
        return PYTHON_STYLE.readTree(text);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "invalid " + what + ": not valid JSON (" + e.getOriginalMessage() + ")");
      }
    }
    return PYTHON_STYLE.valueToTree(argument);
  }
}
