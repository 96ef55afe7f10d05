package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The history queries of a run: step windows, key-projected samples and system events. */
final class RunHistory {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int maxSamples;

  /**
   * @param maxSamples the server-side cap on any {@code samples} argument
   */
  RunHistory(int maxSamples) {
    this.maxSamples = maxSamples;
  }

  /** {@code history(samples, minStep, maxStep)}: rows with minStep <= _step < maxStep. */
  List<String> history(EmulatedRun run, int samples, Long minStep, Long maxStepExclusive) {
    List<ObjectNode> window = new ArrayList<>();
    for (ObjectNode row : run.history()) {
      if (inWindow(row, minStep, maxStepExclusive == null ? null : maxStepExclusive - 1)) {
        window.add(row);
      }
    }
    return asText(HistorySampler.sample(window, limit(samples)));
  }

  /** {@code events(samples)}: the run's system-metrics rows. */
  List<String> events(EmulatedRun run, int samples) {
    return asText(HistorySampler.sample(run.events(), limit(samples)));
  }

  /**
   * {@code sampledHistory(specs)}: per spec, the rows holding every requested key (W&B's AND
   * semantics), projected to those keys, with an inclusive {@code maxStep}.
   */
  ArrayNode sampledHistory(EmulatedRun run, List<?> specs) {
    ArrayNode result = NODES.arrayNode();
    for (Object rawSpec : specs) {
      HistorySpec spec = HistorySpec.parse(JsonText.read(rawSpec, "history spec"));
      List<ObjectNode> window = new ArrayList<>();
      for (ObjectNode row : run.history()) {
        if (inWindow(row, spec.minStep(), spec.maxStepInclusive()) && hasAll(row, spec.keys())) {
          window.add(project(row, spec.keys()));
        }
      }
      ArrayNode rows = result.addArray();
      HistorySampler.sample(window, limit(spec.samples())).forEach(rows::add);
    }
    return result;
  }

  private int limit(int samples) {
    if (samples < 0) {
      throw new IllegalArgumentException("samples must not be negative: " + samples);
    }
    return Math.min(samples, maxSamples);
  }

  private static boolean inWindow(ObjectNode row, Long minStep, Long maxStepInclusive) {
    if (minStep == null && maxStepInclusive == null) {
      return true;
    }
    JsonNode step = row.get("_step");
    if (step == null || !step.isNumber()) {
      return false;
    }
    long value = step.asLong();
    return (minStep == null || value >= minStep)
        && (maxStepInclusive == null || value <= maxStepInclusive);
  }

  private static boolean hasAll(ObjectNode row, List<String> keys) {
    for (String key : keys) {
      JsonNode value = row.get(key);
      if (value == null || value.isNull()) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode project(ObjectNode row, List<String> keys) {
    ObjectNode projected = NODES.objectNode();
    keys.forEach(key -> projected.set(key, row.get(key)));
    return projected;
  }

  private static List<String> asText(List<ObjectNode> rows) {
    List<String> texts = new ArrayList<>(rows.size());
    rows.forEach(row -> texts.add(JsonText.write(row)));
    return texts;
  }
}
