package io.github.wandbjdbc.client.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.WandbException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as W&B sends it: a lenient mapper ({@code NaN} / {@code Infinity} as bare tokens, raw
 * control characters in strings), and decoders for its JSONString fields, wrapped config values and
 * DateTime strings.
 */
public final class WandbJson {

  /** Lenient on input; output (request bodies) is standard JSON. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();

  private WandbJson() {}

  /**
   * A JSONString field as an object: W&B sends JSON text in a string, but an already-decoded object
   * is accepted too, and null (or absent) becomes {@code {}}.
   */
  public static ObjectNode objectField(JsonNode value, String field, String operation) {
    JsonNode decoded = decodeJsonString(value, field, operation);
    if (decoded.isNull() || decoded.isMissingNode()) {
      return MAPPER.createObjectNode();
    }
    if (!decoded.isObject()) {
      throw unexpected(operation, field + " is not a JSON object");
    }
    return (ObjectNode) decoded;
  }

  /** A value that may arrive as JSON text in a string or as the JSON value itself. */
  public static JsonNode decodeJsonString(JsonNode value, String field, String operation) {
    if (value == null || !value.isTextual()) {
      return value == null ? MAPPER.missingNode() : value;
    }
    try {
      return MAPPER.readTree(value.textValue());
    } catch (JsonProcessingException e) {
      throw new WandbException(
          "W&B sent "
              + field
              + " for "
              + operation
              + " that is not valid JSON: "
              + e.getOriginalMessage(),
          operation,
          200,
          e);
    }
  }

  /**
   * Config as users see it: each {@code {"value": v, "desc": ...}} becomes {@code v}, other values
   * stay as they are, and the bookkeeping keys {@code _wandb} and {@code wandb_version} go.
   */
  public static ObjectNode unwrapConfig(ObjectNode raw) {
    ObjectNode config = MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      if (key.equals("_wandb") || key.equals("wandb_version")) {
        continue;
      }
      JsonNode value = entry.getValue();
      config.set(key, value.isObject() && value.has("value") ? value.get("value") : value);
    }
    return config;
  }

  /**
   * A W&B DateTime: {@code yyyy-MM-ddTHH:mm:ss}, optionally with a fraction and a {@code Z} or an
   * offset; without an offset it is UTC. Null when the value is null or absent.
   */
  public static Instant instant(JsonNode value, String field, String operation) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              value.asText(), OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime offset
          ? offset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw unexpected(operation, field + " is not a date-time: " + value.asText());
    }
  }

  /** Text of a nullable string field. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  public static WandbException unexpected(String operation, String what) {
    return new WandbException(
        "Unexpected response from W&B for "
            + operation
            + ": "
            + what
            + ". Check that baseUrl points at a W&B server.",
        operation,
        200);
  }
}
