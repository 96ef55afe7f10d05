package io.github.wandbjdbc.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/benchmark-spark [runs=100] [steps=10000] [latencyMs=50] [rateLimit=20]}: the
 * partitioned export, {@code format("wandb").load("histories")} with {@code run_id, _step, loss}
 * read by Spark in {@code local[2]} (rows as the scan hands them over) and written to parquet, at
 * several partition counts, beside the driver reading the same columns in one process. The emulator
 * runs in its own JVM, without exports (the live GraphQL path, as the single-process histories
 * benchmark), with a latency per request and a rate limit. Prints partitions, requests, history
 * requests, rows and wall time.
 */
public final class SparkExportBenchmark {
  private static final String SQL = "SELECT run_id, _step, loss FROM histories";

  private SparkExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 50;
    double rateLimit = args.length > 3 ? Double.parseDouble(args[3]) : 20;
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("wandb-spark-export-benchmark")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    System.out.printf(
        "project demo: %d runs, up to %d steps each; %d ms per request, rate limit %s requests/s;"
            + " Spark %s, local[2]%n%n",
        runs, steps, latencyMs, rateLimit, spark.version());
    System.out.println(
        "| reader | partitions | requests | history requests | rows | wall time (s) |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    Path out = Files.createTempDirectory("wandb-spark-export");
    try (EmulatorProcess emulator = EmulatorProcess.start(runs, steps, latencyMs, rateLimit)) {
      warmUp(spark, emulator);
      driver(emulator);
      for (String partitions : new String[] {"", "4", "8"}) {
        read(spark, emulator, partitions);
        export(spark, emulator, partitions, out.resolve("p" + partitions));
      }
    } finally {
      spark.stop();
      try (Stream<Path> files = Files.walk(out)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static DataFrameReader wandb(SparkSession spark, EmulatorProcess emulator) {
    return spark.read().format("wandb").options(urlProperties(emulator.jdbcUrl()));
  }

  /** The emulator's URL as options: the connector takes the driver's properties by name. */
  private static Map<String, String> urlProperties(String jdbcUrl) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : jdbcUrl.substring("jdbc:wandb:".length()).split(";")) {
      String[] keyValue = pair.split("=", 2);
      properties.put(keyValue[0], keyValue[1]);
    }
    return properties;
  }

  /** Loads and compiles Spark's and the driver's classes on one run, outside the measurements. */
  private static void warmUp(SparkSession spark, EmulatorProcess emulator) {
    wandb(spark, emulator).load("runs").count();
    wandb(spark, emulator)
        .load("histories")
        .where("run_id = '" + firstRun(spark, emulator) + "'")
        .select("run_id", "_step", "loss")
        .collectAsList();
  }

  private static String firstRun(SparkSession spark, EmulatorProcess emulator) {
    return wandb(spark, emulator).load("runs").select("run_id").limit(1).first().getString(0);
  }

  private static void driver(EmulatorProcess emulator) throws Exception {
    long requests = emulator.requests();
    long history = emulator.historyRequests();
    long start = System.nanoTime();
    long rows = 0;
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(SQL)) {
      while (rs.next()) {
        rs.getDouble(3);
        rows++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    print("driver, one process (`" + SQL + "`)", "–", emulator, requests, history, rows, seconds);
  }

  private static Dataset<Row> histories(
      SparkSession spark, EmulatorProcess emulator, String partitions) {
    DataFrameReader reader = wandb(spark, emulator);
    if (!partitions.isEmpty()) {
      reader = reader.option("numPartitions", partitions);
    }
    return reader.load("histories").select("run_id", "_step", "loss");
  }

  private static String label(String what, String partitions) {
    return "Spark, "
        + what
        + (partitions.isEmpty() ? " (numPartitions unset)" : " (numPartitions " + partitions + ")");
  }

  /** The rows as Spark's scan hands them over, without writing: what the export's read costs. */
  private static void read(SparkSession spark, EmulatorProcess emulator, String partitions)
      throws Exception {
    Dataset<Row> histories = histories(spark, emulator, partitions);
    String planned = Integer.toString(histories.rdd().getNumPartitions());
    long requests = emulator.requests();
    long history = emulator.historyRequests();
    long start = System.nanoTime();
    long rows = histories.queryExecution().toRdd().count();
    double seconds = (System.nanoTime() - start) / 1e9;
    print(label("read only", partitions), planned, emulator, requests, history, rows, seconds);
  }

  private static void export(
      SparkSession spark, EmulatorProcess emulator, String partitions, Path out) throws Exception {
    Dataset<Row> histories = histories(spark, emulator, partitions);
    String planned = Integer.toString(histories.rdd().getNumPartitions());
    long requests = emulator.requests();
    long history = emulator.historyRequests();
    long start = System.nanoTime();
    histories.write().parquet(out.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    long rows = spark.read().parquet(out.toString()).count();
    print(
        label("written to parquet", partitions),
        planned,
        emulator,
        requests,
        history,
        rows,
        seconds);
  }

  private static void print(
      String label,
      String partitions,
      EmulatorProcess emulator,
      long requestsBefore,
      long historyBefore,
      long rows,
      double seconds)
      throws Exception {
    System.out.printf(
        "| %s | %s | %,d | %,d | %,d | %.1f |%n",
        label,
        partitions,
        emulator.requests() - requestsBefore,
        emulator.historyRequests() - historyBefore,
        rows,
        seconds);
  }
}
