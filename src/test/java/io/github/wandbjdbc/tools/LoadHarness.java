package io.github.wandbjdbc.tools;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/load-test [connections] [queriesPerConnection] [runs] [rateLimit] [latencyMs]}:
 * several JDBC connections run a mix of queries at once against a rate-limited emulator with
 * latency. Every result is compared with the same query's result from a single-threaded run first
 * (on a warm connection); the table shows queries, W&B requests, 429s (each one retried), wrong
 * results and wall time for both phases. The concurrent phase includes opening its connections (two
 * requests each) and their column discovery (one each).
 */
public final class LoadHarness {
  /** The mix: listing, filtered, COUNT, ORDER BY + LIMIT, GROUP BY; each result deterministic. */
  static final List<String> QUERIES =
      List.of(
          "SELECT run_id, state, created_at FROM runs",
          "SELECT run_id, \"summary.acc\" FROM runs"
              + " WHERE state = 'finished' AND \"config.optimizer\" = 'adam'",
          "SELECT COUNT(*) FROM runs WHERE state IN ('finished', 'crashed')",
          "SELECT run_id, created_at FROM runs ORDER BY created_at DESC LIMIT 20",
          "SELECT state, COUNT(*), AVG(\"summary.acc\") FROM runs GROUP BY state ORDER BY state");

  /** The knobs; {@link #defaults()} is what {@code bin/load-test} runs without arguments. */
  public record Settings(
      int connections,
      int queriesPerConnection,
      int runs,
      double rateLimitPerSecond,
      long latencyMs) {
    static Settings defaults() {
      return new Settings(8, 10, 1000, 20, 20);
    }
  }

  /** One phase's figures; {@code wrong} counts results that differ from the reference. */
  public record Phase(
      String name,
      int connections,
      int queries,
      long requests,
      long rateLimited,
      int wrong,
      int failed,
      long millis) {}

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    Settings d = Settings.defaults();
    Settings settings =
        new Settings(
            args.length > 0 ? Integer.parseInt(args[0]) : d.connections(),
            args.length > 1 ? Integer.parseInt(args[1]) : d.queriesPerConnection(),
            args.length > 2 ? Integer.parseInt(args[2]) : d.runs(),
            args.length > 3 ? Double.parseDouble(args[3]) : d.rateLimitPerSecond(),
            args.length > 4 ? Long.parseLong(args[4]) : d.latencyMs());
    System.out.printf(
        "runs in project: %d, rate limit: %s requests/s, latency: %d ms,"
            + " %d connections x %d queries%n%n",
        settings.runs(),
        settings.rateLimitPerSecond(),
        settings.latencyMs(),
        settings.connections(),
        settings.queriesPerConnection());
    System.out.println(
        "| phase | connections | queries | W&B requests | 429s (retried) "
            + "| wrong results | failed queries | wall time (ms) |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Phase p : run(settings)) {
      System.out.printf(
          "| %s | %d | %d | %d | %d | %d | %d | %d |%n",
          p.name(),
          p.connections(),
          p.queries(),
          p.requests(),
          p.rateLimited(),
          p.wrong(),
          p.failed(),
          p.millis());
    }
  }

  /** The single-threaded reference phase, then the concurrent phase checked against it. */
  public static List<Phase> run(Settings settings) throws Exception {
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults()
                .withRateLimitPerSecond(settings.rateLimitPerSecond())
                .withLatencyMs(settings.latencyMs()),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(42)
                    .withRunsPerProject(settings.runs())
                    .withHistorySteps(2)
                    .withEventsPerRun(0)))) {
      String url = emulator.jdbcUrl("demo");

      List<List<String>> expected = new ArrayList<>();
      Phase reference;
      try (Connection connection = DriverManager.getConnection(url)) {
        for (String sql : QUERIES) {
          rows(connection, sql); // JIT, planning and column discovery warm up, not measured
        }
        emulator.stats().reset();
        long start = System.nanoTime();
        for (String sql : QUERIES) {
          expected.add(rows(connection, sql));
        }
        reference = phase(emulator, "single-threaded reference", 1, QUERIES.size(), 0, 0, start);
      }

      emulator.stats().reset();
      AtomicInteger wrong = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(settings.connections());
      long start = System.nanoTime();
      try {
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < settings.connections(); c++) {
          int first = c; // each connection starts elsewhere in the mix
          clients.add(
              pool.submit(
                  () -> {
                    try (Connection connection = DriverManager.getConnection(url)) {
                      for (int q = 0; q < settings.queriesPerConnection(); q++) {
                        int index = (first + q) % QUERIES.size();
                        try {
                          if (!rows(connection, QUERIES.get(index)).equals(expected.get(index))) {
                            wrong.incrementAndGet();
                          }
                        } catch (SQLException e) {
                          failed.incrementAndGet();
                          System.err.println("query failed: " + e);
                        }
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> client : clients) {
          client.get();
        }
      } finally {
        pool.shutdown();
      }
      Phase concurrent =
          phase(
              emulator,
              "concurrent",
              settings.connections(),
              settings.connections() * settings.queriesPerConnection(),
              wrong.get(),
              failed.get(),
              start);
      return List.of(reference, concurrent);
    }
  }

  private static Phase phase(
      WandbEmulator emulator,
      String name,
      int connections,
      int queries,
      int wrong,
      int failed,
      long startNanos) {
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    List<RecordedRequest> recorded = emulator.stats().recorded();
    long rateLimited = recorded.stream().filter(r -> r.status() == 429).count();
    return new Phase(
        name,
        connections,
        queries,
        emulator.stats().requests(),
        rateLimited,
        wrong,
        failed,
        millis);
  }

  /** The result as text, one entry per row, in the order the driver returned them. */
  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
