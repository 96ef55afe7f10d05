package io.github.wandbjdbc.calcite.histories;

/** The three history tables of a project: what each reads from W&B. */
public enum HistoryKind {
  /** Every logged row, read in exact step windows. */
  EXACT("histories"),
  /** The rows W&B samples to {@code samples} points per run. */
  SAMPLED("sampled_histories"),
  /** The system-metrics stream ({@code events}). */
  SYSTEM("system_metrics");

  private final String tableName;

  HistoryKind(String tableName) {
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }

  /** Whether rows carry {@code _step} (the system stream has none). */
  boolean hasSteps() {
    return this != SYSTEM;
  }
}
