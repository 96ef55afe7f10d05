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
 * and off. Prints a Markdown table. Each figure is the median of several executions on a warm
 * connection (column discovery and JIT warm-up happen before measuring).
 */
public final class RunsBenchmark {
  private static final List<String[]> QUERIES =
      List.of(
          new String[] {
            "top 10 by summary.acc under config and state filters",
            "SELECT run_id, \"summary.acc\" FROM runs WHERE \"config.optimizer\" = 'adam'"
                + " AND state = 'finished' ORDER BY \"summary.acc\" DESC NULLS LAST LIMIT 10"
          },
          new String[] {
            "COUNT(*) under a filter",
            "SELECT COUNT(*) FROM runs WHERE state IN ('finished', 'crashed')"
          },
          new String[] {
            "run_id, state, created_at of every run", "SELECT run_id, state, created_at FROM runs"
          },
          new String[] {
            "the same with config", "SELECT run_id, state, created_at, config FROM runs"
          },
          new String[] {"one summary key of every run", "SELECT run_id, \"summary.acc\" FROM runs"},
          new String[] {
            "newest 20 finished runs",
            "SELECT run_id, created_at FROM runs WHERE state = 'finished'"
                + " ORDER BY created_at DESC LIMIT 20"
          });

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
      System.out.println(
          "| query | pushdown | requests | bytes received | wall time (ms) | rows |");
      System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");
      for (String[] query : QUERIES) {
        for (boolean pushdown : new boolean[] {true, false}) {
          Measurement m = measure(emulator, query[1], pageSize + ";pushdown=" + pushdown, repeats);
          System.out.printf(
              "| %s | %s | %d | %,d | %d | %d |%n",
              query[0], pushdown ? "on" : "off", m.requests(), m.bytes(), m.millis(), m.rows());
        }
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

  private record Measurement(long requests, long bytes, long millis, int rows) {}
}
