package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.client.HistoryQuery;

/** The three history tables of a project: what each reads from W&B. */
public enum HistoryKind {
  /** Every logged row, read in exact step windows. */
  EXACT(
      "histories",
      HistoryQuery.Kind.EXACT,
      "W&B run histories, one row per run and logged step: every row, read exactly"),
  /** The rows W&B samples to {@code samples} points per run. */
  SAMPLED(
      "sampled_histories",
      HistoryQuery.Kind.SAMPLED,
      "W&B run histories sampled by W&B to the samples property's points per run, for charts"),
  /** The system-metrics stream ({@code events}). */
  SYSTEM(
      "system_metrics",
      HistoryQuery.Kind.SYSTEM,
      "W&B system metrics (CPU, GPU, memory), one row per run and sample of the system stream");

  private final String tableName;
  private final HistoryQuery.Kind read;
  private final String remarks;

  HistoryKind(String tableName, HistoryQuery.Kind read, String remarks) {
    this.tableName = tableName;
    this.read = read;
    this.remarks = remarks;
  }

  public String tableName() {
    return tableName;
  }

  /** What the client reads of each run for this table. */
  HistoryQuery.Kind read() {
    return read;
  }

  String remarks() {
    return remarks;
  }

  /** Whether rows carry {@code _step} (the system stream has none). */
  boolean hasSteps() {
    return this != SYSTEM;
  }
}
