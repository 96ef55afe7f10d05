package io.github.wandbjdbc.jdbc;

import java.util.List;
import java.util.Map;

/**
 * The keys every project's tables declare to JDBC tools: primary keys by table name (the same in
 * every project), columns in key order. W&B has no indexes and no foreign keys of its own.
 */
final class TableKeys {
  static final Map<String, List<String>> PRIMARY_KEYS = Map.of(
      "runs", List.of("run_id"),
      "histories", List.of("run_id", "_step"),
      "sampled_histories", List.of("run_id", "_step"));

  /** The tables whose {@code run_id} refers to {@code runs.run_id} of the same project. */
  static final List<String> REFERENCING_RUNS =
      List.of("histories", "sampled_histories", "system_metrics");

  private TableKeys() {}

  /** The primary key's name, as {@code PK_NAME} reports it. */
  static String primaryKeyName(String table) {
    return table + "_pk";
  }
}
