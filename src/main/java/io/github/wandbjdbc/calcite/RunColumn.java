package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunField;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The fixed columns of the {@code runs} table, in table order, with the W&B field each comes from
 * and the heavy field (if any) a scan must request to fill it.
 */
enum RunColumn {
  RUN_ID("run_id", SqlTypeName.VARCHAR, false, null, (run, t) -> run.name()),
  DISPLAY_NAME("display_name", SqlTypeName.VARCHAR, true, null, (run, t) -> run.displayName()),
  STATE("state", SqlTypeName.VARCHAR, true, null, (run, t) -> run.state()),
  ENTITY("entity", SqlTypeName.VARCHAR, false, null, (run, t) -> t.entity()),
  PROJECT("project", SqlTypeName.VARCHAR, false, null, (run, t) -> t.project()),
  GROUP_NAME("group_name", SqlTypeName.VARCHAR, true, null, (run, t) -> run.group()),
  JOB_TYPE("job_type", SqlTypeName.VARCHAR, true, null, (run, t) -> run.jobType()),
  SWEEP_NAME("sweep_name", SqlTypeName.VARCHAR, true, null, (run, t) -> run.sweepName()),
  TAGS("tags", SqlTypeName.VARCHAR, true, null, (run, t) -> Json.textOrNull(run.tags())),
  USERNAME("username", SqlTypeName.VARCHAR, true, null, (run, t) -> run.username()),
  CREATED_AT("created_at", SqlTypeName.TIMESTAMP, true, null,
      (run, t) -> epochMillis(run.createdAt())),
  HEARTBEAT_AT("heartbeat_at", SqlTypeName.TIMESTAMP, true, null,
      (run, t) -> epochMillis(run.heartbeatAt())),
  GIT_COMMIT("git_commit", SqlTypeName.VARCHAR, true, null, (run, t) -> run.commit()),
  NOTES("notes", SqlTypeName.VARCHAR, true, null, (run, t) -> run.notes()),
  DESCRIPTION("description", SqlTypeName.VARCHAR, true, null, (run, t) -> run.description()),
  HISTORY_LINE_COUNT("history_line_count", SqlTypeName.BIGINT, true, null,
      (run, t) -> run.historyLineCount()),
  URL("url", SqlTypeName.VARCHAR, true, null, (run, t) -> t.runUrl(run.name())),
  CONFIG("config", SqlTypeName.VARCHAR, true, RunField.CONFIG,
      (run, t) -> Json.textOrNull(run.config())),
  SUMMARY("summary", SqlTypeName.VARCHAR, true, RunField.SUMMARY_METRICS,
      (run, t) -> Json.textOrNull(run.summaryMetrics())),
  SYSTEM_METRICS("system_metrics", SqlTypeName.VARCHAR, true, RunField.SYSTEM_METRICS,
      (run, t) -> Json.textOrNull(run.systemMetrics()));

  static final List<RunColumn> ALL = List.of(values());

  private final String columnName;
  private final SqlTypeName type;
  private final boolean nullable;
  private final RunField heavyField;
  private final BiFunction<Run, RunTableContext, Object> extractor;

  RunColumn(String columnName, SqlTypeName type, boolean nullable, RunField heavyField,
      BiFunction<Run, RunTableContext, Object> extractor) {
    this.columnName = columnName;
    this.type = type;
    this.nullable = nullable;
    this.heavyField = heavyField;
    this.extractor = extractor;
  }

  String columnName() {
    return columnName;
  }

  SqlTypeName type() {
    return type;
  }

  boolean nullable() {
    return nullable;
  }

  /** The heavy W&B field this column needs, or null when the lightweight fragment has it. */
  RunField heavyField() {
    return heavyField;
  }

  /** The value in Calcite's internal representation (TIMESTAMP as epoch milliseconds). */
  Object value(Run run, RunTableContext table) {
    return extractor.apply(run, table);
  }

  private static Long epochMillis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
