package io.github.wandbjdbc.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.HistoryCacheSettings;
import io.github.wandbjdbc.client.HistoryQuery;
import io.github.wandbjdbc.client.HistoryRow;
import io.github.wandbjdbc.client.HistoryRowIterator;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.ScanHistoryBaseline;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.cache.CacheFormatBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bin/benchmark-histories [runs] [steps] [latencyMs] [rateLimit] [bigRuns]}: reads {@code
 * run_id, _step, loss} of every run's history through the driver and through a baseline that does
 * what the official client's {@code scan_history(keys=["loss"])} does (run after run: its history
 * keys, then 1,000-step windows), against an emulator in its own process (so this JVM's heap holds
 * only the reader). Prints requests, rows, wall time and peak heap, checks both read the same rows
 * (an order-independent checksum), then scans a larger project with no latency for the peak heap of
 * a multi-million-row scan. Last comes the interactive "grid" section ({@link
 * HistoriesGridBenchmark}) on 300 runs of up to 2,000 steps; {@code grid [runs] [steps]
 * [latencyMs]} runs only that section; {@code exports [runs] [steps] [latencyMs] [rateLimit]
 * [fileLatencyMs]} runs only {@link ExportsBenchmark}.
 */
public final class HistoriesBenchmark {
  private static final String SQL = "SELECT run_id, _step, loss FROM histories";
  private static final int GRID_RUNS = 300;
  private static final int GRID_STEPS = 2_000;

  private HistoriesBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("cache-format")) {
      CacheFormatBenchmark.run();
      return;
    }
    if (args.length > 0 && args[0].equals("exports")) {
      ExportsBenchmark.run(
          args.length > 1 ? Integer.parseInt(args[1]) : 100,
          args.length > 2 ? Integer.parseInt(args[2]) : 10_000,
          args.length > 3 ? Long.parseLong(args[3]) : 50,
          args.length > 4 ? Double.parseDouble(args[4]) : 20,
          args.length > 5 ? Long.parseLong(args[5]) : 50);
      return;
    }
    if (args.length > 0 && args[0].equals("grid")) {
      HistoriesGridBenchmark.run(
          args.length > 1 ? Integer.parseInt(args[1]) : GRID_RUNS,
          args.length > 2 ? Integer.parseInt(args[2]) : GRID_STEPS,
          args.length > 3 ? Long.parseLong(args[3]) : 50);
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 50;
    double rateLimit = args.length > 3 ? Double.parseDouble(args[3]) : 20;
    int bigRuns = args.length > 4 ? Integer.parseInt(args[4]) : 350;
    System.out.printf(
        "project demo: %d runs, up to %d steps each; %d ms per request, "
            + "rate limit %s requests/s; driver heap limit %d MB%n%n",
        runs, steps, latencyMs, rateLimit, Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("| reader | requests | rows | wall time (s) | peak heap in use (MB) |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    RowChecksum driver;
    RowChecksum baseline;
    try (EmulatorProcess emulator = EmulatorProcess.start(runs, steps, latencyMs, rateLimit)) {
      warmUp(emulator);
      driver = measure("wandb-jdbc (" + SQL + ")", emulator, () -> driverScan(emulator));
      baseline =
          measure(
              "baseline: run after run, 1,000-step windows",
              emulator,
              () -> baselineScan(emulator));
    }
    System.out.println();
    System.out.println(
        driver.equals(baseline)
            ? "identical rows: yes (" + driver.rows() + " rows, checksum " + driver.sum() + ")"
            : "identical rows: NO: driver " + driver + ", baseline " + baseline);
    try (EmulatorProcess emulator = EmulatorProcess.start(bigRuns, steps, 0, 0)) {
      System.out.println();
      System.out.println(
          "| large scan | requests | rows | wall time (s) | peak heap in use (MB) |");
      System.out.println("| --- | ---: | ---: | ---: | ---: |");
      measure(bigRuns + " runs, no latency", emulator, () -> driverScan(emulator));
      Path cacheDir = Files.createTempDirectory("wandb-jdbc-cache");
      try {
        String finished = SQL + " WHERE run_id IN (" + finishedRuns(emulator) + ")";
        String cached = emulator.jdbcUrl() + ";cache=true;cacheDir=" + cacheDir;
        measure(
            "finished runs, no cache", emulator, () -> driverScan(emulator.jdbcUrl(), finished));
        measure("finished runs, cache on, cold", emulator, () -> driverScan(cached, finished));
        measure("finished runs, cache on, warm", emulator, () -> driverScan(cached, finished));
        // The client alone, without SQL: what the cache saves below the JDBC row pipeline.
        measure(
            "finished runs, client only, no cache",
            emulator,
            () -> clientScan(emulator, HistoryCacheSettings.OFF));
        HistoryCacheSettings warm = new HistoryCacheSettings(cacheDir, 1L << 40);
        measure("finished runs, client only, warm", emulator, () -> clientScan(emulator, warm));
      } finally {
        try (Stream<Path> files = Files.walk(cacheDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
    System.out.println();
    HistoriesGridBenchmark.run(GRID_RUNS, GRID_STEPS, latencyMs);
  }

  /** Loads classes and JIT-compiles both sides on one run, outside the measurements. */
  private static void warmUp(EmulatorProcess emulator) throws Exception {
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT run_id, _step, loss FROM histories WHERE run_id IN "
                    + "(SELECT run_id FROM runs ORDER BY created_at LIMIT 1)")) {
      while (rs.next()) {
        rs.getDouble(3);
      }
    }
  }

  private interface Scan {
    RowChecksum run() throws Exception;
  }

  private static RowChecksum measure(String label, EmulatorProcess emulator, Scan scan)
      throws Exception {
    System.gc();
    HeapSampler sampler = HeapSampler.begin();
    long requestsBefore = emulator.requests();
    long start = System.nanoTime();
    RowChecksum checksum = scan.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = sampler.finish();
    System.out.printf(
        "| %s | %,d | %,d | %.1f | %d |%n",
        label, emulator.requests() - requestsBefore, checksum.rows(), seconds, peak >> 20);
    return checksum;
  }

  private static RowChecksum driverScan(EmulatorProcess emulator) throws Exception {
    return driverScan(emulator.jdbcUrl(), SQL);
  }

  /** The project's runs in a terminal state, as a SQL list of literals: the cacheable ones. */
  private static String finishedRuns(EmulatorProcess emulator) throws Exception {
    List<String> runs = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT run_id FROM runs WHERE state IN ('finished', 'crashed', 'failed', 'killed')")) {
      while (rs.next()) {
        runs.add("'" + rs.getString(1) + "'");
      }
    }
    return String.join(", ", runs);
  }

  private static RowChecksum driverScan(String url, String sql) throws Exception {
    RowChecksum checksum = new RowChecksum();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        double loss = rs.getDouble(3);
        checksum.add(rs.getString(1), rs.getLong(2), rs.wasNull() ? null : loss);
      }
    }
    return checksum;
  }

  /** The finished runs' {@code loss} rows through {@link WandbClient#histories} alone. */
  private static RowChecksum clientScan(EmulatorProcess emulator, HistoryCacheSettings cache)
      throws Exception {
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter
        .putObject("state")
        .putArray("$in")
        .add("finished")
        .add("crashed")
        .add("failed")
        .add("killed");
    HistoryQuery query =
        new HistoryQuery(
            "acme",
            "demo",
            HistoryQuery.Kind.EXACT,
            List.of("loss"),
            List.of(),
            500,
            0,
            Long.MAX_VALUE,
            filter,
            1000,
            8,
            0,
            false,
            false);
    RowChecksum checksum = new RowChecksum();
    try (WandbClient client =
            new WandbClient(ClientSettings.of(emulator.baseUrl(), emulator.apiKey()), cache);
        HistoryRowIterator rows = client.histories(query)) {
      while (rows.hasNext()) {
        HistoryRow row = rows.next();
        JsonNode loss = row.values().get("loss");
        checksum.add(
            row.run(),
            row.values().get("_step").asLong(),
            loss == null || loss.isNull() ? null : Double.valueOf(loss.asDouble()));
      }
    }
    return checksum;
  }

  /** What {@code scan_history(keys=["loss"])} sends, run after run, with the project's client. */
  private static RowChecksum baselineScan(EmulatorProcess emulator) {
    RowChecksum checksum = new RowChecksum();
    try (ScanHistoryBaseline client =
        new ScanHistoryBaseline(ClientSettings.of(emulator.baseUrl(), emulator.apiKey()))) {
      List<Run> runs = new ArrayList<>();
      try (RunIterator iterator =
          client.runs(
              new RunQuery(
                  "acme", "demo", null, null, 50, -1, RunSelection.lightweightWith(Set.of())))) {
        iterator.forEachRemaining(runs::add);
      }
      for (Run run : runs) {
        client.scan(
            "acme",
            "demo",
            run.name(),
            "loss",
            row -> {
              JsonNode loss = row.get("loss");
              // As Python's json reads it: NaN and infinities are numbers, bare or quoted. Boxed in
              // both branches: a double branch would unbox the null of a JSON-null loss.
              checksum.add(
                  run.name(),
                  row.get("_step").asLong(),
                  loss.isNumber()
                      ? Double.valueOf(loss.doubleValue())
                      : loss.isTextual() ? Double.valueOf(loss.asText()) : null);
            });
      }
    }
    return checksum;
  }

  /** The most heap in use (garbage included) seen every 10 ms while a scan runs. */
  private static final class HeapSampler extends Thread {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running = true;
    private long peak;

    static HeapSampler begin() {
      HeapSampler sampler = new HeapSampler();
      sampler.setDaemon(true);
      sampler.start();
      return sampler;
    }

    @Override
    public void run() {
      while (running) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long finish() throws InterruptedException {
      running = false;
      join();
      return peak;
    }
  }
}
