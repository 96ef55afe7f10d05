package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small runs by hand for evaluator and ordering tests; JSON may use single quotes and NaN.
 */
public final class HandBuiltRun {
  static final JsonMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private final String name;
  private String displayName;
  private String state;
  private List<String> tags;
  private String group;
  private String jobType;
  private String sweepName;
  private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
  private Instant heartbeatAt;
  private String username;
  private String host;
  private final ObjectNode config = JsonNodeFactory.instance.objectNode();
  private ObjectNode summary = JsonNodeFactory.instance.objectNode();
  private final List<ObjectNode> history = new ArrayList<>();

  private HandBuiltRun(String name) {
    this.name = name;
  }

  public static HandBuiltRun run(String name) {
    return new HandBuiltRun(name);
  }

  static JsonNode json(String text) {
    try {
      return LENIENT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public HandBuiltRun displayName(String value) {
    displayName = value;
    return this;
  }

  public HandBuiltRun state(String value) {
    state = value;
    return this;
  }

  HandBuiltRun tags(String... values) {
    tags = values == null ? null : List.of(values);
    return this;
  }

  HandBuiltRun group(String value) {
    group = value;
    return this;
  }

  HandBuiltRun jobType(String value) {
    jobType = value;
    return this;
  }

  HandBuiltRun sweep(String value) {
    sweepName = value;
    return this;
  }

  public HandBuiltRun createdAt(String isoInstant) {
    createdAt = Instant.parse(isoInstant);
    return this;
  }

  public HandBuiltRun heartbeatAt(String isoInstant) {
    heartbeatAt = Instant.parse(isoInstant);
    return this;
  }

  public HandBuiltRun username(String value) {
    username = value;
    return this;
  }

  HandBuiltRun host(String value) {
    host = value;
    return this;
  }

  /** Adds a config entry stored wrapped as W&B stores it: {"value": v, "desc": null}. */
  HandBuiltRun config(String key, String valueJson) {
    ObjectNode wrapper = config.putObject(key);
    wrapper.set("value", json(valueJson));
    wrapper.putNull("desc");
    return this;
  }

  /** Adds a config entry exactly as given (e.g. the {"value": ...} _wandb entry). */
  HandBuiltRun rawConfig(String key, String json) {
    config.set(key, json(json));
    return this;
  }

  public HandBuiltRun summary(String objectJson) {
    return summary((ObjectNode) json(objectJson));
  }

  public HandBuiltRun summary(ObjectNode object) {
    summary = object;
    return this;
  }

  /** Appends a history row, given as (lenient) JSON text: NaN and Infinity are allowed. */
  public HandBuiltRun historyRow(String objectJson) {
    history.add((ObjectNode) json(objectJson));
    return this;
  }

  public EmulatedRun build() {
    return new EmulatedRun(
        name,
        displayName,
        state,
        tags,
        group,
        jobType,
        sweepName,
        null,
        null,
        null,
        createdAt,
        heartbeatAt,
        username,
        null,
        host,
        config,
        summary,
        JsonNodeFactory.instance.objectNode(),
        List.copyOf(history),
        List.of());
  }
}
