package io.github.wandbjdbc.client.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the server's words from a W&B error body: {@code {"errors": [{"message": ...}]}} or
 * {@code {"error": "..."}}, falling back to a short excerpt of a non-JSON body (proxies send HTML).
 */
final class ErrorMessages {

  private static final int MAX_EXCERPT = 200;

  private ErrorMessages() {}

  /** The messages of a GraphQL {@code errors} array joined by "; ", or null when there are none. */
  static String fromBody(JsonNode root) {
    if (root == null) {
      return null;
    }
    JsonNode errors = root.get("errors");
    if (errors != null && errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (JsonNode error : errors) {
        JsonNode message = error.get("message");
        messages.add(message == null ? error.toString() : message.asText());
      }
      return String.join("; ", messages);
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      return error.isTextual() ? error.textValue() : error.toString();
    }
    return null;
  }

  /** A message for a non-2xx body, never null. */
  static String fromBytes(byte[] body) {
    try {
      String fromJson = fromBody(WandbJson.MAPPER.readTree(body));
      if (fromJson != null) {
        return fromJson;
      }
    } catch (IOException notJson) {
      // Not JSON: fall through to an excerpt of the text.
    }
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "(no message)";
    }
    return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "...";
  }
}
