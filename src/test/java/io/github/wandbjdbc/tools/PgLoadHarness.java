package io.github.wandbjdbc.tools;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import io.github.wandbjdbc.pgwire.PgServer;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/pg-load-test [sessions] [queriesPerSession] [runs] [rateLimit] [latencyMs]}: many
 * pgJDBC sessions at once against the PostgreSQL endpoint over a rate-limited emulator with
 * latency. Each result is compared with the same query's result from one session run first; prints
 * W&B requests, failed queries, wrong results and query latency percentiles.
 */
public final class PgLoadHarness {
  /** The mix, with its parameter (or none): prepared statements over the extended protocol. */
  record Query(String sql, String parameter) {}

  static final List<Query> QUERIES =
      List.of(
          new Query("SELECT run_id, state, created_at FROM runs", null),
          new Query("SELECT run_id, \"summary.acc\" FROM runs WHERE state = ?", "finished"),
          new Query("SELECT COUNT(*) FROM runs WHERE state IN ('finished', 'crashed')", null),
          new Query("SELECT run_id, created_at FROM runs ORDER BY created_at DESC LIMIT 20", null),
          new Query(
              "SELECT state, COUNT(*), AVG(\"summary.acc\") FROM runs GROUP BY state ORDER BY state",
              null),
          new Query("SELECT _step, loss FROM histories WHERE run_id = ? ORDER BY _step", null));

  public record Settings(
      int sessions, int queriesPerSession, int runs, double rateLimitPerSecond, long latencyMs) {
    static Settings defaults() {
      return new Settings(50, 20, 200, 0, 20);
    }
  }

  /** The concurrent phase's figures; latencies in ms. */
  public record Result(
      int sessions,
      int queries,
      long requests,
      long rateLimited,
      int wrong,
      int failed,
      long p50,
      long p95,
      long p99,
      long max,
      long wallMillis) {}

  private PgLoadHarness() {}

  public static void main(String[] args) throws Exception {
    Settings d = Settings.defaults();
    Settings s =
        new Settings(
            args.length > 0 ? Integer.parseInt(args[0]) : d.sessions(),
            args.length > 1 ? Integer.parseInt(args[1]) : d.queriesPerSession(),
            args.length > 2 ? Integer.parseInt(args[2]) : d.runs(),
            args.length > 3 ? Double.parseDouble(args[3]) : d.rateLimitPerSecond(),
            args.length > 4 ? Long.parseLong(args[4]) : d.latencyMs());
    System.out.printf(
        "runs: %d, rate limit: %s requests/s (0: none), latency: %d ms, %d sessions x %d queries%n",
        s.runs(), s.rateLimitPerSecond(), s.latencyMs(), s.sessions(), s.queriesPerSession());
    Result r = run(s);
    System.out.println(
        "| sessions | queries | W&B requests | 429s (retried) | wrong | failed"
            + " | p50 ms | p95 ms | p99 ms | max ms | wall ms |");
    System.out.println(
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    System.out.printf(
        "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n",
        r.sessions(),
        r.queries(),
        r.requests(),
        r.rateLimited(),
        r.wrong(),
        r.failed(),
        r.p50(),
        r.p95(),
        r.p99(),
        r.max(),
        r.wallMillis());
  }

  public static Result run(Settings settings) throws Exception {
    EmulatorConfig config = EmulatorConfig.defaults().withLatencyMs(settings.latencyMs());
    if (settings.rateLimitPerSecond() > 0) {
      config = config.withRateLimitPerSecond(settings.rateLimitPerSecond());
    }
    try (WandbEmulator emulator =
            WandbEmulator.start(
                config,
                DatasetGenerator.generate(
                    GeneratorSpec.defaults(42)
                        .withRunsPerProject(settings.runs())
                        .withHistorySteps(20)
                        .withEventsPerRun(0)));
        PgServer server =
            PgServer.start(
                emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), ""),
                InetAddress.getLoopbackAddress(),
                0,
                null)) {
      String pgUrl =
          "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + emulator.dataset().entity();
      String key = emulator.apiKey();
      String runId =
          emulator
              .dataset()
              .project(emulator.dataset().entity(), "demo")
              .orElseThrow()
              .runs()
              .get(0)
              .name();
      List<List<String>> expected = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(pgUrl, "wandb", key)) {
        for (Query q : QUERIES) {
          expected.add(rows(c, q, runId));
        }
      }
      emulator.stats().reset();
      AtomicInteger wrong = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(settings.sessions());
      long start = System.nanoTime();
      try {
        List<Future<?>> sessions = new ArrayList<>();
        for (int n = 0; n < settings.sessions(); n++) {
          int first = n;
          sessions.add(
              pool.submit(
                  () -> {
                    try (Connection c = DriverManager.getConnection(pgUrl, "wandb", key)) {
                      for (int q = 0; q < settings.queriesPerSession(); q++) {
                        int index = (first + q) % QUERIES.size();
                        long t0 = System.nanoTime();
                        try {
                          if (!rows(c, QUERIES.get(index), runId).equals(expected.get(index))) {
                            wrong.incrementAndGet();
                          }
                        } catch (SQLException e) {
                          failed.incrementAndGet();
                          System.err.println("query failed: " + e.getMessage());
                        }
                        latencies.add((System.nanoTime() - t0) / 1_000_000);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> session : sessions) {
          session.get();
        }
      } finally {
        pool.shutdown();
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      List<Long> sorted = new ArrayList<>(latencies);
      sorted.sort(null);
      long rateLimited =
          emulator.stats().recorded().stream().filter(r -> r.status() == 429).count();
      return new Result(
          settings.sessions(),
          sorted.size(),
          emulator.stats().requests(),
          rateLimited,
          wrong.get(),
          failed.get(),
          percentile(sorted, 50),
          percentile(sorted, 95),
          percentile(sorted, 99),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
          wall);
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static List<String> rows(Connection c, Query q, String runId) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(q.sql())) {
      if (q.sql().contains("?")) {
        s.setString(1, q.parameter() != null ? q.parameter() : runId);
      }
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i > 1 ? "|" : "").append(rs.getString(i));
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }
}
