package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.JsonText;
import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunField;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The fixed columns of the {@code runs} table, in table order: the W&B field each comes from (the
 * one a scan must request to fill it), and its filter key (for the columns W&B can filter on, per
 * the documented filter keys).
 */
public enum StandardRunColumn {
  RUN_ID(
      "run_id",
      SqlTypeName.VARCHAR,
      false,
      "name",
      true,
      null,
      (run, t) -> run.name(),
      "W&B run field name (the run id in W&B URLs)"),
  DISPLAY_NAME(
      "display_name",
      SqlTypeName.VARCHAR,
      true,
      "display_name",
      true,
      RunField.DISPLAY_NAME,
      (run, t) -> run.displayName(),
      "W&B run field displayName"),
  STATE(
      "state",
      SqlTypeName.VARCHAR,
      true,
      "state",
      true,
      RunField.STATE,
      (run, t) -> run.state(),
      "W&B run field state"),
  ENTITY(
      "entity",
      SqlTypeName.VARCHAR,
      false,
      null,
      false,
      null,
      (run, t) -> t.entity(),
      "the connection's W&B entity"),
  PROJECT(
      "project",
      SqlTypeName.VARCHAR,
      false,
      null,
      false,
      null,
      (run, t) -> t.project(),
      "the W&B project (this schema)"),
  GROUP_NAME(
      "group_name",
      SqlTypeName.VARCHAR,
      true,
      "group",
      true,
      RunField.GROUP,
      (run, t) -> run.group(),
      "W&B run field group"),
  JOB_TYPE(
      "job_type",
      SqlTypeName.VARCHAR,
      true,
      "jobType",
      true,
      RunField.JOB_TYPE,
      (run, t) -> run.jobType(),
      "W&B run field jobType"),
  SWEEP_NAME(
      "sweep_name",
      SqlTypeName.VARCHAR,
      true,
      "sweep",
      true,
      RunField.SWEEP_NAME,
      (run, t) -> run.sweepName(),
      "W&B run field sweepName"),
  TAGS(
      "tags",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      RunField.TAGS,
      (run, t) -> JsonText.textOrNull(run.tags()),
      "W&B run field tags, as a JSON array"),
  USERNAME(
      "username",
      SqlTypeName.VARCHAR,
      true,
      "username",
      true,
      RunField.USER,
      (run, t) -> run.username(),
      "W&B run field user.username"),
  CREATED_AT(
      "created_at",
      SqlTypeName.TIMESTAMP,
      false,
      "created_at",
      true,
      RunField.CREATED_AT,
      (run, t) -> epochMillis(run.createdAt()),
      "W&B run field createdAt (UTC)"),
  HEARTBEAT_AT(
      "heartbeat_at",
      SqlTypeName.TIMESTAMP,
      true,
      null,
      false,
      RunField.HEARTBEAT_AT,
      (run, t) -> epochMillis(run.heartbeatAt()),
      "W&B run field heartbeatAt (UTC)"),
  GIT_COMMIT(
      "git_commit",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      RunField.COMMIT,
      (run, t) -> run.commit(),
      "W&B run field commit"),
  NOTES(
      "notes",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      RunField.NOTES,
      (run, t) -> run.notes(),
      "W&B run field notes"),
  DESCRIPTION(
      "description",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      RunField.DESCRIPTION,
      (run, t) -> run.description(),
      "W&B run field description"),
  HISTORY_LINE_COUNT(
      "history_line_count",
      SqlTypeName.BIGINT,
      true,
      null,
      false,
      RunField.HISTORY_LINE_COUNT,
      (run, t) -> run.historyLineCount(),
      "W&B run field historyLineCount"),
  URL(
      "url",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      null,
      (run, t) -> t.runUrl(run.name()),
      "the run's page in the W&B app"),
  CONFIG(
      "config",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      RunField.CONFIG,
      (run, t) -> JsonText.textOrNull(run.config()),
      "W&B run field config, as JSON with values unwrapped"),
  SUMMARY(
      "summary",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      RunField.SUMMARY_METRICS,
      (run, t) -> JsonText.textOrNull(run.summaryMetrics()),
      "W&B run field summaryMetrics, as JSON"),
  SYSTEM_METRICS(
      "system_metrics",
      SqlTypeName.VARCHAR,
      true,
      null,
      false,
      RunField.SYSTEM_METRICS,
      (run, t) -> JsonText.textOrNull(run.systemMetrics()),
      "W&B run field systemMetrics, as JSON");

  static final List<RunsColumn> DEFINITIONS =
      java.util.Arrays.stream(values()).map(StandardRunColumn::definition).toList();

  private final RunsColumn definition;

  StandardRunColumn(
      String columnName,
      SqlTypeName type,
      boolean nullable,
      String filterKey,
      boolean scalarExact,
      RunField field,
      BiFunction<Run, ProjectContext, Object> extractor,
      String remarks) {
    this.definition =
        new RunsColumn(
            columnName, type, nullable, filterKey, scalarExact, field, null, extractor, remarks);
  }

  RunsColumn definition() {
    return definition;
  }

  private static Long epochMillis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
