package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.client.HistoryQuery;

/** The three history tables of a project: what each reads from W&B. */
public enum HistoryKind {
  /** Every logged row, read in exact step windows. */
  EXACT("histories", HistoryQuery.Kind.EXACT),
  /** The rows W&B samples to {@code samples} points per run. */
  SAMPLED("sampled_histories", HistoryQuery.Kind.SAMPLED),
  /** The system-metrics stream ({@code events}). */
  SYSTEM("system_metrics", HistoryQuery.Kind.SYSTEM);

  private final String tableName;
  private final HistoryQuery.Kind read;

  HistoryKind(String tableName, HistoryQuery.Kind read) {
    this.tableName = tableName;
    this.read = read;
  }

  public String tableName() {
    return tableName;
  }

  /** What the client reads of each run for this table. */
  HistoryQuery.Kind read() {
    return read;
  }

  /** Whether rows carry {@code _step} (the system stream has none). */
  boolean hasSteps() {
    return this != SYSTEM;
  }
}
