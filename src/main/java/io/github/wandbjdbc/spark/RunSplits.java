package io.github.wandbjdbc.spark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code runs} is split into partitions, each a SQL condition: disjoint, and together every run
 * the filters keep. One {@code COUNT(*)} decides. Up to {@link #ID_LIST_MAX} runs are listed by id
 * in one request and dealt into {@code run_id IN (...)} lists of equal size. Beyond that, lists
 * would make every W&B request of a partition carry thousands of names, so the partitions are
 * {@code created_at} ranges cut where the ordered listing of creation times puts equal counts: two
 * bounds per request, and a run created after planning still falls into the last, open range.
 */
final class RunSplits {
  /**
   * Without {@code numPartitions}, a partition per this many runs at most: a smaller partition
   * costs more in its own column discovery and first page than it saves.
   */
  static final int RUNS_PER_PARTITION = 1000;

  /** The most runs split by id: one page of the listing at the driver's default page size. */
  static final int ID_LIST_MAX = 1000;

  private RunSplits() {}

  /**
   * The partitions' conditions over the runs {@code where} keeps (SQL, empty for all runs); a
   * single empty condition when one partition serves best.
   *
   * @param numPartitions the partitions asked for, or 0 to size them by the count
   */
  static List<String> conditions(
      Connection connection, String where, int numPartitions, int defaultParallelism)
      throws SQLException {
    String filter = where.isEmpty() ? "" : " WHERE " + where;
    long count = count(connection, "SELECT COUNT(*) FROM runs" + filter);
    long wanted =
        numPartitions > 0
            ? numPartitions
            : Math.min(defaultParallelism, ceilDiv(count, RUNS_PER_PARTITION));
    int partitions = (int) Math.min(wanted, count);
    if (partitions <= 1) {
      return List.of("");
    }
    if (count <= ID_LIST_MAX) {
      return idLists(strings(connection, "SELECT run_id FROM runs" + filter), partitions);
    }
    return createdRanges(
        strings(connection, "SELECT created_at FROM runs" + filter + " ORDER BY created_at"),
        partitions);
  }

  /** Sorted ids in contiguous lists whose sizes differ by at most one. */
  static List<String> idLists(List<String> ids, int partitions) {
    List<String> sorted = ids.stream().sorted().toList();
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      List<String> part =
          sorted.subList(i * sorted.size() / partitions, (i + 1) * sorted.size() / partitions);
      if (!part.isEmpty()) {
        conditions.add(runIdIn(part));
      }
    }
    return conditions;
  }

  /**
   * Ranges of creation time cut at the quantiles of {@code ordered} (the driver's timestamp text,
   * in ascending order). Runs created in the same instant share a range, so ties may leave fewer
   * ranges than asked; the first and last ranges are open.
   */
  static List<String> createdRanges(List<String> ordered, int partitions) {
    List<String> cuts = new ArrayList<>();
    for (int i = 1; i < partitions; i++) {
      String cut = ordered.get((int) ((long) i * ordered.size() / partitions));
      String previous = cuts.isEmpty() ? ordered.get(0) : cuts.get(cuts.size() - 1);
      if (!cut.equals(previous)) {
        cuts.add(cut);
      }
    }
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i <= cuts.size(); i++) {
      List<String> bounds = new ArrayList<>();
      if (i > 0) {
        bounds.add("created_at >= TIMESTAMP '" + cuts.get(i - 1) + "'");
      }
      if (i < cuts.size()) {
        bounds.add("created_at < TIMESTAMP '" + cuts.get(i) + "'");
      }
      conditions.add(String.join(" AND ", bounds));
    }
    return conditions;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /** The condition that keeps exactly these runs. */
  static String runIdIn(List<String> ids) {
    return "run_id IN ("
        + String.join(", ", ids.stream().map(id -> "'" + id.replace("'", "''") + "'").toList())
        + ")";
  }
}
