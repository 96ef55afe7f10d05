package io.github.wandbjdbc.tools;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code bin/benchmark-bindable-cache [repeats=50] [rounds=3]}: per-query time of literal SQL
 * repeated, with and without Calcite's cache of compiled query code ({@code
 * calcite.bindable.cache.maxSize}, read once per JVM, so each setting runs in JVMs of its own,
 * alternating over several rounds against a shared machine's noise). Prints a Markdown table: for
 * each workload the median over rounds of each round's median, CPU time and wall time.
 */
public final class BindableCacheBenchmark {
  private static final String SETTING = "calcite.bindable.cache.maxSize";
  private static final int WARM_UP = 40;

  /**
   * CPU time of the querying thread, where Calcite plans and Janino compiles: on a shared machine
   * it varies far less than wall time, which also counts waiting for a core.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Each workload: a name and the SQL of its i-th execution ({@code null}: prepared). */
  private static final Map<String, IntFunction<String>> WORKLOADS = new LinkedHashMap<>();

  static {
    WORKLOADS.put(
        "same literal SQL",
        i -> "SELECT run_id, state FROM runs WHERE state = 'finished' LIMIT 10");
    WORKLOADS.put(
        "different literal, pushed to W&B",
        i -> "SELECT run_id, state FROM runs WHERE state = 'finished-" + i + "' LIMIT 10");
    WORKLOADS.put(
        "different literal, evaluated locally",
        i -> "SELECT run_id, state FROM runs WHERE UPPER(state) = 'FINISHED-" + i + "'");
    WORKLOADS.put("PreparedStatement, new ? value", null);
  }

  private BindableCacheBenchmark() {}

  public static void main(String[] args) throws Exception {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    if (args.length > 1 && args[1].equals("--child")) {
      measureInThisJvm(repeats);
      return;
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("cache off (" + SETTING + "=0)", "-D" + SETTING + "=0");
    settings.put("driver default (cache of 256)", null);
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        samples
            .computeIfAbsent(setting.getKey(), k -> new ArrayList<>())
            .add(child(repeats, setting.getValue()));
      }
    }
    Map<String, List<String>> columns = new LinkedHashMap<>();
    samples.forEach((setting, perRound) -> columns.put(setting, medians(perRound)));
    System.out.printf(
        "ms per query (execute + fetch) as CPU time of the querying thread"
            + " (wall time): median of %d executions after %d warm-up queries, median of %d rounds,"
            + " each setting in fresh JVMs%n%n",
        repeats, WARM_UP, rounds);
    System.out.println("| workload | " + String.join(" | ", columns.keySet()) + " |");
    System.out.println("| --- |" + " ---: |".repeat(columns.size()));
    List<String> names = new ArrayList<>(WORKLOADS.keySet());
    for (int w = 0; w < names.size(); w++) {
      StringBuilder row = new StringBuilder("| " + names.get(w) + " |");
      for (List<String> column : columns.values()) {
        row.append(' ').append(column.get(w)).append(" |");
      }
      System.out.println(row);
    }
  }

  /** Per workload, "cpu (wall)": the medians of the rounds' figures. */
  private static List<String> medians(List<double[]> rounds) {
    List<String> medians = new ArrayList<>();
    for (int w = 0; w < WORKLOADS.size(); w++) {
      medians.add(String.format("%.1f (%.1f)", median(rounds, 2 * w), median(rounds, 2 * w + 1)));
    }
    return medians;
  }

  private static double median(List<double[]> rounds, int index) {
    double[] figures = rounds.stream().mapToDouble(round -> round[index]).sorted().toArray();
    return figures[figures.length / 2];
  }

  /** Runs the measurement in a new JVM; returns its figures, one per workload. */
  private static double[] child(int repeats, String jvmOption) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
    if (jvmOption != null) {
      command.add(jvmOption);
    }
    command.addAll(
        List.of(BindableCacheBenchmark.class.getName(), String.valueOf(repeats), "--child"));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Double> figures = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        figures.add(Double.parseDouble(line));
      }
    }
    if (process.waitFor() != 0 || figures.size() != 2 * WORKLOADS.size()) {
      throw new IllegalStateException("benchmark JVM failed: " + figures);
    }
    return figures.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void measureInThisJvm(int repeats) throws SQLException {
    try (WandbEmulator emulator =
            WandbEmulator.start(
                EmulatorConfig.defaults(),
                DatasetGenerator.generate(
                    GeneratorSpec.defaults(42).withRunsPerProject(100).withHistorySteps(2)));
        Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      // Discovery, class loading and JIT, on SQL none of the workloads repeats.
      for (int i = 0; i < WARM_UP; i++) {
        query(connection, "SELECT display_name FROM runs WHERE job_type = 'warm-" + i + "'");
      }
      for (IntFunction<String> sql : WORKLOADS.values()) {
        double[] cpuMillis = new double[repeats];
        double[] wallMillis = new double[repeats];
        try (PreparedStatement prepared =
            sql == null
                ? connection.prepareStatement(
                    "SELECT run_id, state FROM runs WHERE state = ? LIMIT 10")
                : null) {
          for (int i = 0; i < repeats; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            if (prepared != null) {
              prepared.setString(1, "finished-" + i);
              drain(prepared.executeQuery());
            } else {
              query(connection, sql.apply(i));
            }
            wallMillis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
          }
        }
        Arrays.sort(cpuMillis);
        Arrays.sort(wallMillis);
        System.out.println(cpuMillis[repeats / 2]);
        System.out.println(wallMillis[repeats / 2]);
      }
    }
  }

  private static void query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      drain(statement.executeQuery(sql));
    }
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getString(1);
      }
    }
  }
}
