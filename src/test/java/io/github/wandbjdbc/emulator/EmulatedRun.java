package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run as the emulator stores it. {@code config} is kept the way W&B stores it: every value
 * wrapped as {@code {"value": v, "desc": null}} (plus the raw {@code _wandb} entry); {@code
 * summary} and {@code systemMetrics} are plain objects. History and event rows are objects holding
 * {@code _step} (history only), {@code _runtime}, {@code _timestamp} and the logged keys. Nullable:
 * everything but {@code name}, {@code createdAt}, {@code config}, {@code summary}, {@code
 * systemMetrics}, {@code history}, {@code events}.
 */
public record EmulatedRun(
    String name,
    String displayName,
    String state,
    List<String> tags,
    String group,
    String jobType,
    String sweepName,
    String commit,
    String notes,
    String description,
    Instant createdAt,
    Instant heartbeatAt,
    String username,
    String userFullName,
    String host,
    ObjectNode config,
    ObjectNode summary,
    ObjectNode systemMetrics,
    List<ObjectNode> history,
    List<ObjectNode> events) {

  public EmulatedRun {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(createdAt, "createdAt is null");
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(summary, "summary is null");
    Objects.requireNonNull(systemMetrics, "systemMetrics is null");
    history = List.copyOf(history);
    events = List.copyOf(events);
    tags = tags == null ? null : List.copyOf(tags);
  }

  /** This run with another config and summary. */
  EmulatedRun withConfigAndSummary(ObjectNode config, ObjectNode summary) {
    return new EmulatedRun(
        name,
        displayName,
        state,
        tags,
        group,
        jobType,
        sweepName,
        commit,
        notes,
        description,
        createdAt,
        heartbeatAt,
        username,
        userFullName,
        host,
        config,
        summary,
        systemMetrics,
        history,
        events);
  }
}
