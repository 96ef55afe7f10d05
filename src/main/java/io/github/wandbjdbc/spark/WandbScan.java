package io.github.wandbjdbc.spark;

import io.github.wandbjdbc.spark.RunBalancer.RunSize;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The plan of one read. {@code runs} is split by {@link RunSplits} (one partition under a LIMIT,
 * which is the whole answer's). A history table lists its runs first, through the driver with the
 * filters that concern runs, deals them into partitions by history length, and each partition reads
 * {@code WHERE run_id IN (its runs)}: disjoint, and together the whole table.
 */
final class WandbScan implements Scan, Batch {
  private static final String RUNS_PLACEHOLDER = "<the partition's runs>";

  private final WandbOptions options;
  private final StructType required;
  private final List<PushedFilter> pushed;
  private final int limit;

  WandbScan(WandbOptions options, StructType required, List<PushedFilter> pushed, int limit) {
    this.options = options;
    this.required = required;
    this.pushed = pushed;
    this.limit = limit;
  }

  static boolean isRuns(WandbOptions options) {
    return options.table().equalsIgnoreCase("runs");
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  @Override
  public String description() {
    if (isRuns(options)) {
      return options
          + ": "
          + select(where(pushed, ""))
          + (limit >= 0
              ? " LIMIT " + limit
              : ", split by created_at ranges or run_id lists when the runs are many");
    }
    return options
        + ": runs by "
        + runListing(pushed)
        + ", then per partition "
        + select(where(pushed, "run_id IN (" + RUNS_PLACEHOLDER + ")"));
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    List<String> conditions;
    if (isRuns(options)) {
      conditions = limit >= 0 ? List.of("") : splitRuns();
    } else {
      conditions =
          RunBalancer.balance(listRuns(), partitionsWanted()).stream()
              .map(RunSplits::runIdIn)
              .toList();
    }
    // At most the default parallelism (the job's task slots) run at once and share W&B's limit.
    WandbOptions partitionOptions =
        options.forPartitions(Math.min(conditions.size(), defaultParallelism()));
    String limitSql = limit >= 0 ? " LIMIT " + limit : "";
    InputPartition[] partitions = new InputPartition[conditions.size()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] =
          new SqlPartition(
              select(where(pushed, conditions.get(i))) + limitSql, partitionOptions, required);
    }
    return partitions;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new WandbReaderFactory();
  }

  private int partitionsWanted() {
    return options.numPartitions() > 0 ? options.numPartitions() : defaultParallelism();
  }

  private static int defaultParallelism() {
    return SparkSession.active().sparkContext().defaultParallelism();
  }

  private List<String> splitRuns() {
    try (Connection connection = options.connect()) {
      return RunSplits.conditions(
          connection, conditions(pushed), options.numPartitions(), defaultParallelism());
    } catch (SQLException e) {
      throw WandbSources.failure(e);
    }
  }

  private List<RunSize> listRuns() {
    try (Connection connection = options.connect();
        Statement statement = connection.createStatement()) {
      Set<String> runColumns = WandbSources.columns(connection, "runs");
      List<PushedFilter> runSide =
          pushed.stream()
              .filter(p -> runColumns.containsAll(SqlFilter.columnsOf(p.filter())))
              .toList();
      List<RunSize> runs = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(runListing(runSide))) {
        while (rows.next()) {
          runs.add(new RunSize(rows.getString(1), rows.getLong(2)));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw WandbSources.failure(e);
    }
  }

  private static String runListing(List<PushedFilter> filters) {
    String conditions = conditions(filters);
    return "SELECT run_id, history_line_count FROM runs"
        + (conditions.isEmpty() ? "" : " WHERE " + conditions);
  }

  /** The partition's own condition (its runs; empty for all) and the filters, as one WHERE. */
  private static String where(List<PushedFilter> filters, String partitionCondition) {
    List<String> parts = new ArrayList<>();
    if (!partitionCondition.isEmpty()) {
      parts.add(partitionCondition);
    }
    String conditions = conditions(filters);
    if (!conditions.isEmpty()) {
      parts.add(conditions);
    }
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  private static String conditions(List<PushedFilter> filters) {
    return filters.stream()
        .map(p -> "(" + p.sql().sql() + ")")
        .collect(Collectors.joining(" AND "));
  }

  /** No column wanted (a count): run_id, the cheapest, is read and dropped. */
  private String select(String where) {
    String columns =
        required.fields().length == 0
            ? "run_id"
            : Arrays.stream(required.fields())
                .map(StructField::name)
                .map(SqlFilter::quoted)
                .collect(Collectors.joining(", "));
    return "SELECT " + columns + " FROM " + SqlFilter.quoted(options.table()) + where;
  }
}
