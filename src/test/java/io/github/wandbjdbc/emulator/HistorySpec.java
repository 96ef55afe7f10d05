package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code sampledHistory} spec: {@code {"keys": [...], "samples": n, "minStep": a, "maxStep":
 * b}}, with {@code maxStep} inclusive as on W&B.
 */
record HistorySpec(List<String> keys, int samples, Long minStep, Long maxStepInclusive) {
  private static final int DEFAULT_SAMPLES = 500;

  HistorySpec {
    keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
  }

  static HistorySpec parse(JsonNode spec) {
    if (spec == null || !spec.isObject()) {
      throw new IllegalArgumentException("invalid history spec: expected a JSON object");
    }
    JsonNode keys = spec.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new IllegalArgumentException(
          "invalid history spec: \"keys\" must be a list of strings");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode key : keys) {
      if (!key.isTextual()) {
        throw new IllegalArgumentException("invalid history spec: key " + key + " is not a string");
      }
      names.add(key.asText());
    }
    JsonNode samples = spec.get("samples");
    return new HistorySpec(
        names,
        samples == null || samples.isNull()
            ? DEFAULT_SAMPLES
            : integer(samples, "samples").intValue(),
        optionalInteger(spec, "minStep"),
        optionalInteger(spec, "maxStep"));
  }

  private static Long optionalInteger(JsonNode spec, String field) {
    JsonNode value = spec.get(field);
    return value == null || value.isNull() ? null : integer(value, field);
  }

  private static Long integer(JsonNode value, String field) {
    if (!value.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "invalid history spec: \"" + field + "\" must be an integer, got " + value);
    }
    return value.asLong();
  }
}
