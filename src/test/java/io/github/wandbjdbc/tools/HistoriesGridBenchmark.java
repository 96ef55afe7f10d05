package io.github.wandbjdbc.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The "grid" section of {@code bin/benchmark-histories}: what interactive queries cost, as a user
 * of a SQL grid sends them (fetch size 200, reads at most 200 rows, closes). Prints, per query, the
 * history requests and response bytes W&B sent (run listings included) and the time to the first
 * row; the connection is opened before the measurement.
 */
final class HistoriesGridBenchmark {
  private static final int PAGE = 200;
  private static final String FORTY_RUNS =
      "run_id IN (SELECT run_id FROM runs ORDER BY created_at LIMIT 40)";

  /** One measured query: its label, SQL and the statement's maxRows (0 = none). */
  private record GridQuery(String label, String sql, int maxRows) {}

  private static final List<GridQuery> QUERIES =
      List.of(
          new GridQuery("grid: SELECT *, fetch size 200", "SELECT * FROM histories", 0),
          new GridQuery("grid + LIMIT 200", "SELECT * FROM histories LIMIT 200", 0),
          new GridQuery("grid + setMaxRows(200)", "SELECT * FROM histories", PAGE),
          new GridQuery(
              "ORDER BY run_id, _step LIMIT 200",
              "SELECT * FROM histories ORDER BY run_id, _step LIMIT 200",
              0),
          new GridQuery("SELECT COUNT(*)", "SELECT COUNT(*) FROM histories", 0),
          new GridQuery(
              "COUNT(*) WHERE loss IS NOT NULL, 40 runs",
              "SELECT COUNT(*) FROM histories WHERE loss IS NOT NULL AND " + FORTY_RUNS,
              0));

  private HistoriesGridBenchmark() {}

  static void run(int runs, int steps, long latencyMs) throws Exception {
    System.out.printf(
        "grid: project demo, %d runs, up to %d steps each, %d ms per request%n%n",
        runs, steps, latencyMs);
    System.out.println(
        "| query | history requests | all requests | bytes received (MB) | first row (ms) "
            + "| rows read |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    try (EmulatorProcess emulator = EmulatorProcess.start(runs, steps, latencyMs, 0)) {
      for (GridQuery query : QUERIES) {
        measure(emulator, query);
      }
    }
  }

  private static void measure(EmulatorProcess emulator, GridQuery query) throws Exception {
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(PAGE);
      statement.setMaxRows(query.maxRows());
      long history = emulator.historyRequests();
      long requests = emulator.requests();
      long bytes = emulator.bytesOut();
      long start = System.nanoTime();
      long firstRowNanos = -1;
      int rows = 0;
      try (ResultSet rs = statement.executeQuery(query.sql())) {
        while (rows < PAGE && rs.next()) {
          if (rows++ == 0) {
            firstRowNanos = System.nanoTime() - start;
          }
        }
      }
      // A scan's workers may still be finishing requests they had started: let them land.
      Thread.sleep(500);
      System.out.printf(
          "| %s | %,d | %,d | %.2f | %d | %d |%n",
          query.label(),
          emulator.historyRequests() - history,
          emulator.requests() - requests,
          (emulator.bytesOut() - bytes) / 1e6,
          firstRowNanos / 1_000_000,
          rows);
    }
  }
}
