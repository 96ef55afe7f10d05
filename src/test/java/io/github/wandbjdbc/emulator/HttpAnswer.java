package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response before it is written. {@code cutMidway} makes the writer send the headers and half of
 * the body, then drop the connection.
 */
record HttpAnswer(int status, Map<String, String> headers, byte[] body, boolean cutMidway) {
  HttpAnswer {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body is null");
  }

  static HttpAnswer json(int status, Object body) {
    try {
      return new HttpAnswer(status, Map.of(), JsonText.ENVELOPE.writeValueAsBytes(body), false);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** W&B's GraphQL-style error body: {@code {"errors": [{"message": ...}]}}. */
  static HttpAnswer errors(int status, String message) {
    return json(status, Map.of("errors", List.of(Map.of("message", message))));
  }

  /** W&B's REST-style error body: {@code {"error": ...}}. */
  static HttpAnswer error(int status, String message) {
    return json(status, Map.of("error", message));
  }

  static HttpAnswer raw(int status, String body) {
    return new HttpAnswer(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), false);
  }

  /** The body W&B (or a gateway in front of it) sends with this status (wandb-api.md §6.1). */
  static HttpAnswer forStatus(int status) {
    return switch (status) {
      case 401 -> errors(401, "user is not logged in");
      case 403 -> errors(403, "permission denied");
      case 404 -> error(404, "not found");
      case 429 -> error(429, "rate limit exceeded");
      case 500 -> errors(500, "context deadline exceeded");
      case 502 -> error(502, "bad gateway");
      case 503 -> error(503, "service unavailable");
      case 504 -> error(504, "gateway timeout");
      default -> errors(status, "emulated HTTP " + status);
    };
  }

  HttpAnswer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpAnswer(status, more, body, cutMidway);
  }

  /** Body bytes that reach the client: half of them when the connection is cut. */
  int bodyBytesSent() {
    return cutMidway ? body.length / 2 : body.length;
  }

  HttpAnswer withCutMidway() {
    return new HttpAnswer(status, headers, body, true);
  }
}
