package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run as listed. {@code name} is the run id users see; {@code tags} is empty when W&B sends
 * none (or they were not asked for). {@code config} holds unwrapped values without {@code _wandb} /
 * {@code wandb_version}. A field the listing did not ask for is null; the JSON fields ({@code
 * config}, {@code summaryMetrics}, {@code systemMetrics}, {@code historyKeys}) are an empty object
 * when asked for but absent on the server, and {@code config} / {@code summaryMetrics} hold only
 * the asked keys when the listing named keys ({@link RunSelection}).
 */
public record Run(
    String id,
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
    Long historyLineCount,
    String username,
    ObjectNode config,
    ObjectNode summaryMetrics,
    ObjectNode systemMetrics,
    JsonNode historyKeys) {

  public Run {
    Objects.requireNonNull(name, "name is null");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** {@code historyKeys.lastStep} as a whole number; null when not asked for, absent or not one. */
  public Long lastStep() {
    JsonNode lastStep = historyKeys == null ? null : historyKeys.get("lastStep");
    return lastStep != null && lastStep.canConvertToLong() ? lastStep.asLong() : null;
  }
}
