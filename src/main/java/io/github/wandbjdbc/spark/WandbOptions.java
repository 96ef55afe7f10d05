package io.github.wandbjdbc.spark;

import io.github.wandbjdbc.jdbc.WandbDriver;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A read's options: the table, the partition count, and the rest handed to the driver as connection
 * properties under the same names ({@code apiKey}, {@code entity}, {@code project}, {@code
 * exports}, ...), so the driver validates them with its own messages. Serializable because every
 * partition carries them to its executor; {@link #toString} names no property, so the API key never
 * reaches a plan string, the Spark UI or a log.
 */
final class WandbOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** W&B requests in flight per connection by default, shared out among partitions. */
  static final int JOB_CONCURRENCY = 8;

  /** Spark's own keys, and ours; every other option is a connection property. */
  private static final Set<String> SOURCE_KEYS = Set.of("path", "paths", "table", "numpartitions");

  private final String table;
  private final int numPartitions;
  private final Map<String, String> connectionProperties;

  private WandbOptions(String table, int numPartitions, Map<String, String> connectionProperties) {
    this.table = table;
    this.numPartitions = numPartitions;
    this.connectionProperties = connectionProperties;
  }

  static WandbOptions from(Map<String, String> options) {
    String table = null;
    int numPartitions = 0;
    Map<String, String> properties = new HashMap<>();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String key = option.getKey().toLowerCase(Locale.ROOT);
      if (key.equals("path") || key.equals("table")) {
        table = option.getValue();
      } else if (key.equals("numpartitions")) {
        numPartitions = parsePartitions(option.getValue());
      } else if (!SOURCE_KEYS.contains(key)) {
        properties.put(option.getKey(), option.getValue());
      }
    }
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          "Name the table: load(\"runs\"), load(\"histories\"), load(\"sampled_histories\") or"
              + " load(\"system_metrics\")");
    }
    return new WandbOptions(table.strip(), numPartitions, Map.copyOf(properties));
  }

  private static int parsePartitions(String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new IllegalArgumentException("numPartitions must be a positive integer: " + value);
  }

  String table() {
    return table;
  }

  /** The partition count asked for, or 0 for Spark's default parallelism. */
  int numPartitions() {
    return numPartitions;
  }

  boolean concurrencySet() {
    return connectionProperties.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("concurrency"));
  }

  /**
   * These options with {@code concurrency} set for one of {@code partitions} partitions running at
   * once, unless the user set it: W&B's rate limit is per user, not per executor.
   */
  WandbOptions forPartitions(int partitions) {
    if (concurrencySet()) {
      return this;
    }
    Map<String, String> properties = new HashMap<>(connectionProperties);
    properties.put("concurrency", Integer.toString(partitionConcurrency(partitions)));
    return new WandbOptions(table, numPartitions, Map.copyOf(properties));
  }

  static int partitionConcurrency(int partitions) {
    return Math.max(1, JOB_CONCURRENCY / Math.max(1, partitions));
  }

  /** A connection of the driver itself, not DriverManager's: Spark's class loaders hide the jar. */
  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.putAll(connectionProperties);
    return new WandbDriver().connect("jdbc:wandb:", properties);
  }

  @Override
  public String toString() {
    return "wandb " + table;
  }
}
