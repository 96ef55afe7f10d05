package io.github.wandbjdbc.client;

import java.util.EnumSet;
import java.util.Set;

/**
 * The run fields a listing may ask for, each switched on by its own {@code @include} variable of
 * the {@code Runs} document. The run's {@code name} always comes: it identifies the run and lets a
 * scan skip runs that shifted into a later page.
 */
public enum RunField {
  ID("id", "withId"),
  DISPLAY_NAME("displayName", "withDisplayName"),
  STATE("state", "withState"),
  TAGS("tags", "withTags"),
  GROUP("group", "withGroup"),
  JOB_TYPE("jobType", "withJobType"),
  SWEEP_NAME("sweepName", "withSweepName"),
  COMMIT("commit", "withCommit"),
  NOTES("notes", "withNotes"),
  DESCRIPTION("description", "withDescription"),
  CREATED_AT("createdAt", "withCreatedAt"),
  HEARTBEAT_AT("heartbeatAt", "withHeartbeatAt"),
  HISTORY_LINE_COUNT("historyLineCount", "withHistoryLineCount"),
  USER("user", "withUser"),
  CONFIG("config", "withConfig"),
  SUMMARY_METRICS("summaryMetrics", "withSummaryMetrics"),
  SYSTEM_METRICS("systemMetrics", "withSystemMetrics"),
  HISTORY_KEYS("historyKeys", "withHistoryKeys");

  /** The official client's lightweight fragment: every field but the four heavy JSON ones. */
  public static final Set<RunField> LIGHTWEIGHT =
      EnumSet.complementOf(EnumSet.of(CONFIG, SUMMARY_METRICS, SYSTEM_METRICS, HISTORY_KEYS));

  private final String graphQlName;
  private final String variable;

  RunField(String graphQlName, String variable) {
    this.graphQlName = graphQlName;
    this.variable = variable;
  }

  /** The field's name in W&B's schema. */
  public String graphQlName() {
    return graphQlName;
  }

  /** The document's boolean variable that includes the field. */
  public String variable() {
    return variable;
  }
}
