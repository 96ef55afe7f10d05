package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.List;

/**
 * One spec of a {@code sampledHistory} request: the keys a row must all have (W&B returns only rows
 * holding every key), about {@code samples} rows, and an optional step range whose {@code maxStep}
 * is INCLUSIVE (unlike {@link HistoryRead.Window}).
 */
public record HistorySpec(List<String> keys, int samples, Long minStep, Long maxStep) {

  public HistorySpec {
    keys = List.copyOf(keys);
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, was " + samples);
    }
  }

  /** The spec as W&B takes it: a JSON string. */
  public String toJson() {
    ObjectNode json = WandbJson.MAPPER.createObjectNode();
    ArrayNode keyList = json.putArray("keys");
    keys.forEach(keyList::add);
    json.put("samples", samples);
    if (minStep != null) {
      json.put("minStep", minStep);
    }
    if (maxStep != null) {
      json.put("maxStep", maxStep);
    }
    return json.toString();
  }
}
