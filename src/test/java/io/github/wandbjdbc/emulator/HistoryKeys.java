package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a run's {@code historyKeys} value: per key the count of values of each type, whether a
 * numeric key only ever grew, and its last value; plus the largest {@code _step}.
 */
final class HistoryKeys {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HistoryKeys() {}

  static ObjectNode of(EmulatedRun run) {
    Map<String, KeyStats> keys = new LinkedHashMap<>();
    Long lastStep = null;
    for (ObjectNode row : run.history()) {
      var fields = row.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!field.getValue().isNull()) {
          keys.computeIfAbsent(field.getKey(), k -> new KeyStats()).add(field.getValue());
        }
      }
      JsonNode step = row.get("_step");
      if (step != null && step.isNumber()) {
        lastStep = lastStep == null ? step.asLong() : Math.max(lastStep, step.asLong());
      }
    }
    ObjectNode result = NODES.objectNode();
    result.putArray("sets");
    if (lastStep != null) {
      result.put("lastStep", lastStep);
    }
    ObjectNode keyInfo = result.putObject("keys");
    keys.forEach((name, stats) -> keyInfo.set(name, stats.toJson()));
    return result;
  }

  /** W&B's type names: JSON kinds, or the {@code _type} of a logged media object. */
  static String typeOf(JsonNode value) {
    if (value.isNumber()) {
      return "number";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isArray()) {
      return "list";
    }
    JsonNode mediaType = value.get("_type");
    return mediaType != null && mediaType.isTextual() ? mediaType.asText() : "map";
  }

  private static final class KeyStats {
    private final Map<String, Long> typeCounts = new LinkedHashMap<>();
    private boolean numeric = true;
    private boolean nonDecreasing = true;
    private JsonNode previous;

    void add(JsonNode value) {
      typeCounts.merge(typeOf(value), 1L, Long::sum);
      if (!value.isNumber()) {
        numeric = false;
      } else if (previous != null
          && previous.isNumber()
          && value.doubleValue() < previous.doubleValue()) {
        nonDecreasing = false;
      }
      previous = value;
    }

    ObjectNode toJson() {
      ObjectNode json = NODES.objectNode();
      var counts = json.putArray("typeCounts");
      typeCounts.forEach((type, count) -> counts.addObject().put("type", type).put("count", count));
      if (numeric && nonDecreasing) {
        json.put("monotonic", true);
      }
      json.set("previousValue", previous);
      return json;
    }
  }
}
