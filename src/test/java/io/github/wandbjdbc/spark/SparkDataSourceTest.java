package io.github.wandbjdbc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.client.transport.GraphQlTransport;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import io.github.wandbjdbc.jdbc.WandbDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code format("wandb")} in a local SparkSession against the emulator: rows against the driver's
 * own SQL, and the partitions' work from the emulator's request log.
 */
@Tag("spark")
class SparkDataSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WandbEmulator emulator;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(17).withRunsPerProject(100).withHistorySteps(40)));
    spark = LocalSpark.start("wandb-spark-connector-test");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    emulator.close();
  }

  @BeforeEach
  void resetCounters() {
    emulator.stats().reset();
  }

  private static DataFrameReader wandb() {
    return spark
        .read()
        .format("wandb")
        .option("baseUrl", emulator.baseUrl())
        .option("apiKey", emulator.apiKey())
        .option("entity", emulator.dataset().entity())
        .option("project", "demo");
  }

  @Test
  void historiesInFourPartitionsCountAsTheDriverAndEachRunIsReadByOnePartition() throws Exception {
    long expected = driverLong("SELECT COUNT(*) FROM histories");
    emulator.stats().reset();
    Dataset<Row> histories = wandb().option("numPartitions", "4").load("histories");
    assertEquals(4, histories.rdd().getNumPartitions());
    emulator.stats().reset();
    assertEquals(expected, histories.count());

    // Each partition's driver lists only its runs (run_id IN ...); those lists are disjoint and
    // cover every run, and the history requests ask for no other run.
    List<Set<String>> partitionRuns = new ArrayList<>();
    Set<String> historyRuns = new HashSet<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if (request.operationName().equals("Runs")) {
        JsonNode names = filters(request).path("name").path("$in");
        if (names.isArray()) {
          Set<String> runs = new HashSet<>();
          names.forEach(n -> runs.add(n.asText()));
          partitionRuns.add(runs);
        }
      } else if (request.operationName().equals("HistoryBatch")) {
        request
            .variables()
            .fields()
            .forEachRemaining(
                v -> {
                  if (v.getKey().matches("r\\d+")) {
                    historyRuns.add(v.getValue().asText());
                  }
                });
      }
    }
    assertEquals(4, partitionRuns.size(), partitionRuns.toString());
    Set<String> union = new HashSet<>();
    partitionRuns.forEach(union::addAll);
    assertEquals(100, union.size());
    assertEquals(100, partitionRuns.stream().mapToInt(Set::size).sum(), "a run in two partitions");
    assertEquals(allRuns(), union);
    assertTrue(union.containsAll(historyRuns), historyRuns.toString());
  }

  @Test
  void theSchemaIsTheDriversWithDiscoveredKeysAndThePlanShowsTheSqlButNoKey() {
    Dataset<Row> runs = wandb().load("runs");
    StructType schema = runs.schema();
    assertEquals(DataTypes.StringType, schema.apply("run_id").dataType());
    assertEquals(DataTypes.TimestampType, schema.apply("created_at").dataType());
    assertEquals(DataTypes.LongType, schema.apply("history_line_count").dataType());
    assertEquals(DataTypes.DoubleType, schema.apply("config.lr").dataType());
    String plan =
        runs.select("run_id")
            .where("state = 'finished'")
            .queryExecution()
            .executedPlan()
            .toString();
    assertTrue(
        plan.contains(
            "wandb runs: SELECT \"run_id\" FROM \"runs\""
                + " WHERE (\"state\" IS NOT NULL) AND (\"state\" = 'finished')"),
        plan);
    assertFalse(plan.contains(emulator.apiKey()), plan);
  }

  @Test
  void aFilterOnConfigLrReachesWandb() throws Exception {
    List<String> ids =
        wandb()
            .load("runs")
            .filter("`config.lr` >= 0.001")
            .select("run_id")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    assertEquals(
        driverStrings("SELECT run_id FROM runs WHERE \"config.lr\" >= 0.001 ORDER BY run_id"), ids);
    assertTrue(
        emulator.stats().recorded().stream()
            .filter(r -> r.operationName().equals("Runs"))
            .anyMatch(r -> filters(r).path("config.lr").path("$gte").asDouble() == 0.001),
        emulator.stats().recorded().toString());
  }

  @Test
  void aFilterOnSummaryAccReachesWandb() throws Exception {
    List<String> ids =
        wandb().load("runs").filter("`summary.acc` > 0.5").select("run_id").collectAsList().stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    assertEquals(
        driverStrings("SELECT run_id FROM runs WHERE \"summary.acc\" > 0.5 ORDER BY run_id"), ids);
    assertTrue(
        emulator.stats().recorded().stream()
            .filter(r -> r.operationName().equals("Runs"))
            .anyMatch(r -> filters(r).path("summary_metrics.acc").has("$gt")),
        emulator.stats().recorded().toString());
  }

  /**
   * Cancelling a Spark job stops the W&B requests of its partitions within about a second, even
   * while they wait on W&B: Spark only marks a killed task, and checks the mark between rows.
   */
  @Test
  void cancellingTheJobStopsItsRequests() throws Exception {
    try (WandbEmulator slow =
        WandbEmulator.start(
            EmulatorConfig.defaults().withLatencyMs(2000),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(17).withRunsPerProject(100).withHistorySteps(2000)))) {
      CompletableFuture<Throwable> job =
          CompletableFuture.supplyAsync(
              () -> {
                spark.sparkContext().setJobGroup("cancel-me", "a slow histories scan", false);
                try {
                  spark
                      .read()
                      .format("wandb")
                      .option("baseUrl", slow.baseUrl())
                      .option("apiKey", slow.apiKey())
                      .option("entity", slow.dataset().entity())
                      .option("project", "demo")
                      .option("numPartitions", "2")
                      .option("concurrency", "1")
                      .load("histories")
                      .count();
                  return null;
                } catch (Exception e) { // Spark's SparkException, thrown unchecked from Scala
                  return e;
                } finally {
                  spark.sparkContext().clearJobGroup();
                }
              });
      long start = System.nanoTime();
      while (slow.stats().operations().getOrDefault("HistoryBatch", 0L) < 1
          && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(50);
      }
      spark.sparkContext().cancelJobGroup("cancel-me");
      Throwable failure = job.get(30, TimeUnit.SECONDS);
      assertTrue(failure != null, "the job was not cancelled");
      // Each request takes 2 s: only an abort ends the ones in flight this soon.
      Thread.sleep(1200);
      assertEquals(0, GraphQlTransport.runningCalls(), "W&B requests still in flight");
      long afterCancel = slow.stats().requests();
      Thread.sleep(1500);
      assertEquals(afterCancel, slow.stats().requests(), "W&B requests went on after the cancel");
    }
  }

  @Test
  void groupByEqualsTheDriversSql() throws Exception {
    Map<String, Long> expected = new TreeMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT state, COUNT(*) FROM runs GROUP BY state")) {
      while (rows.next()) {
        expected.put(rows.getString(1), rows.getLong(2));
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    wandb()
        .load("runs")
        .groupBy("state")
        .count()
        .collectAsList()
        .forEach(r -> actual.put(r.getString(0), r.getLong(1)));
    assertEquals(expected, actual);
  }

  @Test
  void historiesWrittenToParquetReadBackTheSameCount(@TempDir Path dir) throws Exception {
    String out = dir.resolve("histories").toString();
    wandb().option("numPartitions", "2").load("histories").write().parquet(out);
    assertEquals(driverLong("SELECT COUNT(*) FROM histories"), spark.read().parquet(out).count());
  }

  @Test
  void badOptionsFailWithTheDriversMessage() {
    assertEquals(
        driverMessage(properties("demo", emulator.apiKey()), "nope"),
        sparkMessage(wandb(), "nope"));
    Properties noProject = properties("demo", emulator.apiKey());
    noProject.remove("project");
    assertEquals(
        driverMessage(noProject, "runs"),
        sparkMessage(
            spark
                .read()
                .format("wandb")
                .option("baseUrl", emulator.baseUrl())
                .option("apiKey", emulator.apiKey())
                .option("entity", emulator.dataset().entity()),
            "runs"));
    assertEquals(
        driverMessage(properties("demo", "wrong-key"), "runs"),
        sparkMessage(wandb().option("apiKey", "wrong-key"), "runs"));
  }

  private static String sparkMessage(DataFrameReader reader, String table) {
    RuntimeException e = assertThrows(RuntimeException.class, () -> reader.load(table).count());
    Throwable t = e;
    while (!(t instanceof SQLException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static String driverMessage(Properties properties, String table) {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection c = new WandbDriver().connect("jdbc:wandb:", properties);
                  Statement s = c.createStatement()) {
                s.executeQuery("SELECT * FROM \"" + table + "\" WHERE 1=0").close();
              }
            });
    return e.getMessage();
  }

  private static Properties properties(String project, String apiKey) {
    Properties p = new Properties();
    p.setProperty("baseUrl", emulator.baseUrl());
    p.setProperty("apiKey", apiKey);
    p.setProperty("entity", emulator.dataset().entity());
    p.setProperty("project", project);
    return p;
  }

  private static Connection connect() throws SQLException {
    return new WandbDriver().connect("jdbc:wandb:", properties("demo", emulator.apiKey()));
  }

  private static long driverLong(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> driverStrings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static Set<String> allRuns() {
    Set<String> names = new HashSet<>();
    emulator.dataset().project(emulator.dataset().entity(), "demo").orElseThrow().runs().stream()
        .map(EmulatedRun::name)
        .forEach(names::add);
    return names;
  }

  private static JsonNode filters(RecordedRequest request) {
    try {
      return JSON.readTree(request.variables().path("filters").asText("{}"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
