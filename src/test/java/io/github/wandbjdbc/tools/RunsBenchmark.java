package io.github.wandbjdbc.tools;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code bin/benchmark-runs [runs] [latencyMs] [repeats] [pageSize]}: requests, bytes and wall time
 * of typical runs queries over a large emulated project with per-request latency, with pushdown on
 * and off, beside what the official Python client's equivalent call sends (its documents and {@code
 * per_page} paging replayed against the same emulator). Prints a Markdown table. Each figure is the
 * median of several executions on a warm connection (column discovery and JIT warm-up happen before
 * measuring).
 */
public final class RunsBenchmark {
  private static final List<Query> QUERIES =
      List.of(
          new Query(
              "top 10 by summary.acc under config and state filters",
              "SELECT run_id, \"summary.acc\" FROM runs WHERE \"config.optimizer\" = 'adam'"
                  + " AND state = 'finished' ORDER BY \"summary.acc\" DESC NULLS LAST LIMIT 10",
              new OfficialClientListing(
                  "api.runs(path, {...}, order=\"-summary_metrics.acc\", per_page=10,"
                      + " lazy=False)[:10]",
                  "{\"config.optimizer\":\"adam\",\"state\":\"finished\"}",
                  "-summary_metrics.acc",
                  10,
                  false,
                  10)),
          new Query(
              "top 10 by summary.acc",
              "SELECT run_id, \"summary.acc\" FROM runs"
                  + " ORDER BY \"summary.acc\" DESC NULLS LAST LIMIT 10",
              new OfficialClientListing(
                  "api.runs(path, order=\"-summary_metrics.acc\", per_page=10, lazy=False)[:10]",
                  "{}",
                  "-summary_metrics.acc",
                  10,
                  false,
                  10)),
          new Query(
              "COUNT(*) under a filter",
              "SELECT COUNT(*) FROM runs WHERE state IN ('finished', 'crashed')",
              new OfficialClientListing(
                  "len(api.runs(path, {...}))",
                  "{\"state\":{\"$in\":[\"finished\",\"crashed\"]}}",
                  "+created_at",
                  50,
                  true,
                  1)),
          new Query(
              "run_id, state, created_at of every run",
              "SELECT run_id, state, created_at FROM runs",
              new OfficialClientListing("api.runs(path)", "{}", "+created_at", 50, true, -1)),
          new Query(
              "the same with config",
              "SELECT run_id, state, created_at, config FROM runs",
              new OfficialClientListing(
                  "api.runs(path, lazy=False)", "{}", "+created_at", 50, false, -1)),
          new Query(
              "one summary key of every run",
              "SELECT run_id, \"summary.acc\" FROM runs",
              new OfficialClientListing(
                  "api.runs(path, lazy=False)", "{}", "+created_at", 50, false, -1)),
          new Query(
              "newest 20 finished runs",
              "SELECT run_id, created_at FROM runs WHERE state = 'finished'"
                  + " ORDER BY created_at DESC LIMIT 20",
              new OfficialClientListing(
                  "api.runs(path, {...}, order=\"-created_at\", per_page=20)[:20]",
                  "{\"state\":\"finished\"}",
                  "-created_at",
                  20,
                  true,
                  20)));

  private RunsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String pageSize = args.length > 3 ? ";pageSize=" + Integer.parseInt(args[3]) : "";
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withLatencyMs(latencyMs),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(42).withRunsPerProject(runs).withHistorySteps(10)))) {
      System.out.printf(
          "runs in project: %d, latency per request: %d ms, median of %d%s%n%n",
          runs, latencyMs, repeats, pageSize);
      System.out.println("| query | reader | requests | bytes received | wall time (ms) | rows |");
      System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");
      for (Query query : QUERIES) {
        for (boolean pushdown : new boolean[] {true, false}) {
          Measurement m =
              measure(emulator, query.sql(), pageSize + ";pushdown=" + pushdown, repeats);
          System.out.printf(
              "| %s | driver, pushdown %s | %d | %,d | %d | %d |%n",
              query.name(), pushdown ? "on" : "off", m.requests(), m.bytes(), m.millis(), m.rows());
        }
        emulator.stats().reset();
        long listed = query.python().replay(emulator, "demo");
        System.out.printf(
            "| %s | Python client: `%s` | %d | %,d | | %d |%n",
            query.name(),
            query.python().call(),
            emulator.stats().requests(),
            emulator.stats().bytesOut(),
            listed);
      }
    }
  }

  private static Measurement measure(
      WandbEmulator emulator, String sql, String properties, int repeats) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(emulator.jdbcUrl("demo") + properties)) {
      run(connection, sql); // discovery, planning and code generation warm up
      Measurement[] samples = new Measurement[repeats];
      for (int i = 0; i < repeats; i++) {
        emulator.stats().reset();
        long start = System.nanoTime();
        int rows = run(connection, sql);
        long millis = (System.nanoTime() - start) / 1_000_000;
        samples[i] =
            new Measurement(emulator.stats().requests(), emulator.stats().bytesOut(), millis, rows);
      }
      java.util.Arrays.sort(samples, java.util.Comparator.comparingLong(Measurement::millis));
      return samples[repeats / 2];
    }
  }

  private static int run(Connection connection, String sql) throws SQLException {
    int rows = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }

  /** A question as SQL and as the official Python client's equivalent call. */
  private record Query(String name, String sql, OfficialClientListing python) {}

  private record Measurement(long requests, long bytes, long millis, int rows) {}
}
