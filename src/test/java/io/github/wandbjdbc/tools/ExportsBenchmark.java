package io.github.wandbjdbc.tools;

import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.ParquetHistoryReplay;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunSelection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/benchmark-histories exports [runs] [steps] [latencyMs] [rateLimit] [fileLatencyMs]}:
 * against an emulator that exports finished runs' histories as parquet files (its own JVM), reads
 * one key and then whole rows of every run three ways: the driver through the exports (its default
 * URL), the driver live ({@code ;exports=false}), and {@link ParquetHistoryReplay}, the official
 * client's parquet path run after run. Prints GraphQL and file traffic, rows, an order-independent
 * checksum of (run, step, loss) and wall time, then whether the three read the same rows and how
 * much faster the driver through exports is than the replay.
 */
final class ExportsBenchmark {
  private static final String ONE_KEY = "SELECT run_id, _step, loss FROM histories";
  private static final String WHOLE_ROWS = "SELECT * FROM histories";
  private static final double SPEED_GOAL = 5;

  private ExportsBenchmark() {}

  private interface Scan {
    RowChecksum run() throws Exception;
  }

  private record Measured(RowChecksum rows, double seconds) {}

  static void run(int runs, int steps, long latencyMs, double rateLimit, long fileLatencyMs)
      throws Exception {
    List<String> flags =
        List.of(
            "--parquet-exports", "finished", "--file-latency-ms", String.valueOf(fileLatencyMs));
    try (EmulatorProcess emulator =
        EmulatorProcess.start(runs, steps, latencyMs, rateLimit, flags)) {
      System.out.printf(
          "project demo: %d runs, up to %d steps each; GraphQL: %d ms per request, rate limit %s"
              + " requests/s; parquet files: %d ms per request, exported runs: finished"
              + " (terminal states); driver heap limit %d MB%n",
          runs, steps, latencyMs, rateLimit, fileLatencyMs, Runtime.getRuntime().maxMemory() >> 20);
      System.out.println(states(emulator));
      warmUp(emulator);
      System.out.println();
      System.out.println(
          "| query | reader | GraphQL requests | GraphQL bytes | file requests | file bytes"
              + " | rows | checksum | wall time (s) |");
      System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      List<String> verdicts = new ArrayList<>();
      verdicts.add(compare(emulator, "one key", ONE_KEY, false));
      verdicts.add(compare(emulator, "whole rows", WHOLE_ROWS, true));
      System.out.println();
      verdicts.forEach(System.out::println);
    }
  }

  /** Measures the three readers of one query, prints their rows, returns the verdict line. */
  private static String compare(
      EmulatorProcess emulator, String query, String sql, boolean wholeRows) throws Exception {
    Measured exports =
        measure(
            emulator,
            query,
            "driver, exports (default)",
            () -> driverScan(emulator.jdbcUrl(), sql));
    Measured live =
        measure(
            emulator,
            query,
            "driver, live (`;exports=false`)",
            () -> driverScan(emulator.jdbcUrl() + ";exports=false", sql));
    Measured replay =
        measure(
            emulator,
            query,
            "official client's parquet path (replay, run after run)",
            () -> replayScan(emulator, wholeRows));
    boolean same = exports.rows().equals(live.rows()) && exports.rows().equals(replay.rows());
    double speedup = replay.seconds() / exports.seconds();
    return String.format(
        "%s (%s): identical rows: %s; driver through exports %.1fx faster than the replay"
            + " (goal >= %.0fx: %s)",
        query,
        sql,
        same ? "yes (" + exports.rows() + ")" : "NO",
        speedup,
        SPEED_GOAL,
        speedup >= SPEED_GOAL ? "met" : "NOT met");
  }

  private static Measured measure(EmulatorProcess emulator, String query, String reader, Scan scan)
      throws Exception {
    System.gc();
    EmulatorProcess.Traffic before = emulator.traffic();
    long start = System.nanoTime();
    RowChecksum rows = scan.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    EmulatorProcess.Traffic sent = emulator.traffic().since(before);
    System.out.printf(
        "| %s | %s | %,d | %,d | %,d | %,d | %,d | %d | %.1f |%n",
        query,
        reader,
        sent.graphQlRequests(),
        sent.graphQlBytes(),
        sent.fileRequests(),
        sent.fileBytes(),
        rows.rows(),
        rows.sum(),
        seconds);
    return new Measured(rows, seconds);
  }

  /** Streams every row into the checksum; every column is read, as a client of the rows would. */
  private static RowChecksum driverScan(String url, String sql) throws Exception {
    RowChecksum checksum = new RowChecksum();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData columns = rs.getMetaData();
      int run = rs.findColumn("run_id");
      int step = rs.findColumn("_step");
      int loss = rs.findColumn("loss");
      while (rs.next()) {
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          rs.getObject(i);
        }
        double value = rs.getDouble(loss);
        checksum.add(rs.getString(run), rs.getLong(step), rs.wasNull() ? null : value);
      }
    }
    return checksum;
  }

  private static RowChecksum replayScan(EmulatorProcess emulator, boolean wholeRows) {
    RowChecksum checksum = new RowChecksum();
    try (ParquetHistoryReplay replay =
        new ParquetHistoryReplay(ClientSettings.of(emulator.baseUrl(), emulator.apiKey()))) {
      for (Run run : listRuns(replay)) {
        ParquetHistoryReplay.Rows rows = (step, loss) -> checksum.add(run.name(), step, loss);
        if (wholeRows) {
          replay.scanWholeRows("acme", "demo", run.name(), "loss", rows);
        } else {
          replay.scanKey("acme", "demo", run.name(), "loss", rows);
        }
      }
    }
    return checksum;
  }

  private static List<Run> listRuns(ParquetHistoryReplay replay) {
    List<Run> runs = new ArrayList<>();
    try (RunIterator iterator =
        replay.runs(
            new RunQuery(
                "acme", "demo", null, null, 50, -1, RunSelection.lightweightWith(Set.of())))) {
      iterator.forEachRemaining(runs::add);
    }
    return runs;
  }

  /** The runs by state, and the share the emulator exports (terminal states). */
  private static String states(EmulatorProcess emulator) throws Exception {
    Map<String, Long> byState = new LinkedHashMap<>();
    long total = 0;
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT state, COUNT(*) FROM runs GROUP BY state ORDER BY state")) {
      while (rs.next()) {
        byState.put(rs.getString(1), rs.getLong(2));
        total += rs.getLong(2);
      }
    }
    long live = byState.getOrDefault("running", 0L) + byState.getOrDefault("pending", 0L);
    return String.format(
        "runs by state: %s; finished: %d of %d (%.0f %%); exported (every state but running and"
            + " pending): %d of %d, the other %d are read live by all three readers",
        byState,
        byState.getOrDefault("finished", 0L),
        total,
        100.0 * byState.getOrDefault("finished", 0L) / total,
        total - live,
        total,
        live);
  }

  /**
   * Has the emulator write every export file (it writes one on its first request) and compiles both
   * readers' code, outside the measurements: the driver counts every run's rows through the exports
   * (the {@code _step} chunks of every file, cheaper than a scan); the replay reads the first run
   * both ways.
   */
  private static void warmUp(EmulatorProcess emulator) throws Exception {
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM histories")) {
      rs.next();
    }
    try (ParquetHistoryReplay replay =
        new ParquetHistoryReplay(ClientSettings.of(emulator.baseUrl(), emulator.apiKey()))) {
      String first = listRuns(replay).get(0).name();
      replay.scanKey("acme", "demo", first, "loss", (step, loss) -> {});
      replay.scanWholeRows("acme", "demo", first, "loss", (step, loss) -> {});
    }
  }
}
