package io.github.wandbjdbc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import io.github.wandbjdbc.jdbc.WandbDriver;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.calcite.runtime.Hook;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spark's JDBC data source reading {@code runs} in a local SparkSession (Maven profile {@code
 * spark}; not in the default build). Each read is checked three ways: the rows against the
 * emulator's dataset, the SQL Spark sent (seen through Calcite's parse hook), and the W&B requests
 * the emulator received.
 */
@Tag("spark")
class SparkJdbcSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What every Spark connection costs: project check, project list, column discovery. */
  private static final Map<String, Long> CONNECT = Map.of("GetProject", 1L, "GetProjects", 1L);

  private static WandbEmulator emulator;
  private static SparkSession spark;
  private static List<EmulatedRun> demo;
  private final List<String> sqlSent = Collections.synchronizedList(new ArrayList<>());
  private Hook.Closeable sqlHook;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(13).withRunsPerProject(120)));
    demo = emulator.dataset().project("acme", "demo").orElseThrow().runs();
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("wandb-jdbc-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    emulator.close();
  }

  @BeforeEach
  // "deprecation": Calcite deprecates the global Hook.add in favour of the per-thread addThread,
  // which cannot see Spark's task threads (below).
  @SuppressWarnings("deprecation")
  void listen() {
    emulator.stats().reset();
    // Spark runs the driver in its task threads, so the hook is global, not per thread.
    sqlHook = Hook.PARSE_TREE.add((Object[] args) -> sqlSent.add((String) args[0]));
  }

  @AfterEach
  void stopListening() {
    sqlHook.close();
  }

  private static DataFrameReader runsReader() {
    return spark
        .read()
        .format("jdbc")
        .option("driver", WandbDriver.class.getName())
        .option("url", emulator.jdbcUrl("demo"))
        .option("dbtable", "runs");
  }

  @Test
  void loadProbesTheSchemaWithWhereOneEqualsZeroAndListsNoRuns() {
    StructType schema = runsReader().load().schema();
    assertEquals(List.of("SELECT * FROM runs WHERE 1=0"), sqlSent);
    // Connecting plus the project's column discovery (one sample of 100 runs); no listing.
    assertEquals(List.of(connectAndDiscovery()), List.of(emulator.stats().operations()));
    assertEquals(DataTypes.StringType, schema.apply("run_id").dataType());
    assertEquals(DataTypes.TimestampType, schema.apply("created_at").dataType());
    assertEquals(DataTypes.LongType, schema.apply("history_line_count").dataType());
    assertEquals(DataTypes.DoubleType, schema.apply("config.lr").dataType());
    assertEquals(DataTypes.BooleanType, schema.apply("config.use_amp").dataType());
    assertEquals(DataTypes.StringType, schema.apply("config").dataType());
  }

  @Test
  void aFilterAndAColumnSelectionArePushedToWandb() throws Exception {
    Dataset<Row> runs = runsReader().load();
    emulator.stats().reset();
    sqlSent.clear();
    List<Row> rows =
        runs.select("run_id", "state", "created_at").where("state = 'finished'").collectAsList();
    assertEquals(
        names(r -> "finished".equals(r.state())),
        rows.stream().map(r -> r.getString(0)).sorted().toList());
    assertTrue(rows.stream().allMatch(r -> "finished".equals(r.getString(1))));
    assertEquals(
        List.of(
            "SELECT \"run_id\",\"state\",\"created_at\" FROM runs"
                + "  WHERE (\"state\" IS NOT NULL) AND (\"state\" = 'finished')"),
        trimmed(sqlSent));
    JsonNode listing = onlyListing();
    assertEquals(JSON.readTree("{\"state\":\"finished\"}"), filters(listing));
    // Neither config nor summary is named, so neither is fetched.
    assertEquals(List.of(false, false, false), heavyFields(listing));
  }

  @Test
  void sparkKeepsFiltersOnDottedColumnsButTheQueryOptionPushesThem() throws Exception {
    Predicate<EmulatedRun> adamWithLr =
        r ->
            config(r, "lr").isNumber()
                && config(r, "lr").asDouble() >= 0.001
                && "adam".equals(config(r, "optimizer").textValue());
    List<Row> rows =
        runsReader()
            .load()
            .select("run_id", "`config.lr`", "`summary.acc`")
            .where("`config.lr` >= 0.001 AND `config.optimizer` = 'adam'")
            .collectAsList();
    assertEquals(names(adamWithLr), rows.stream().map(r -> r.getString(0)).sorted().toList());
    // Spark takes "config.lr" for a nested field and filters itself: no WHERE is sent.
    assertEquals(
        "SELECT \"run_id\",\"config.lr\",\"summary.acc\",\"config.optimizer\" FROM runs",
        trimmed(sqlSent).get(1));
    assertEquals(JSON.readTree("{}"), filters(onlyListing()));

    emulator.stats().reset();
    rows =
        spark
            .read()
            .format("jdbc")
            .option("driver", WandbDriver.class.getName())
            .option("url", emulator.jdbcUrl("demo"))
            .option(
                "query",
                "SELECT run_id, \"config.lr\", \"summary.acc\" FROM runs"
                    + " WHERE \"config.lr\" >= 0.001 AND \"config.optimizer\" = 'adam'")
            .load()
            .collectAsList();
    assertEquals(names(adamWithLr), rows.stream().map(r -> r.getString(0)).sorted().toList());
    JsonNode listing = onlyListing();
    assertEquals(
        JSON.readTree("{\"config.lr\":{\"$gte\":0.001},\"config.optimizer\":\"adam\"}"),
        filters(listing));
    // No whole JSON: only the keys named, config's for the columns and the filter's re-check.
    assertEquals(List.of(false, false, false), heavyFields(listing));
    assertTrue(
        listing.get("withConfigKeys").asBoolean() && listing.get("withSummaryKeys").asBoolean());
  }

  @Test
  void aTimestampFilterIsPushedAsWidenedBounds() throws Exception {
    Instant since =
        demo.stream()
            .map(EmulatedRun::createdAt)
            .sorted()
            .toList()
            .get(demo.size() / 2)
            .truncatedTo(ChronoUnit.SECONDS);
    List<Row> rows =
        runsReader()
            .load()
            .select("run_id")
            .where(org.apache.spark.sql.functions.col("created_at").geq(Timestamp.from(since)))
            .collectAsList();
    assertEquals(
        names(r -> !r.createdAt().isBefore(since)),
        rows.stream().map(r -> r.getString(0)).sorted().toList());
    JsonNode created = filters(onlyListing()).get("created_at");
    Instant bound = Instant.parse(created.get("$gte").asText() + "Z");
    assertTrue(!bound.isAfter(since) && bound.isAfter(since.minusSeconds(2)), created.toString());
  }

  @Test
  void aLimitIsNotSentButTheScanStopsAfterThePagesItNeeds() {
    List<Row> rows =
        runsReader()
            .option("url", emulator.jdbcUrl("demo") + ";pageSize=50")
            .load()
            .select("run_id")
            .limit(7)
            .collectAsList();
    assertEquals(sortedByCreation().subList(0, 7), rows.stream().map(r -> r.getString(0)).toList());
    // Spark's V1 JDBC source sends no LIMIT; it stops reading after 7 rows, so one page of 50
    // of the 120 runs is listed.
    assertEquals("SELECT \"run_id\" FROM runs", trimmed(sqlSent).get(1));
    JsonNode listing = onlyListing();
    assertEquals(50, listing.get("perPage").asInt());
  }

  @Test
  void partitionedReadsOpenOneConnectionPerPartitionAndReturnEachRunOnce() {
    List<Row> rows =
        runsReader()
            .option("partitionColumn", "history_line_count")
            .option("lowerBound", "0")
            .option("upperBound", "100")
            .option("numPartitions", "3")
            .load()
            .select("run_id")
            .collectAsList();
    assertEquals(names(r -> true), rows.stream().map(r -> r.getString(0)).sorted().toList());
    // The schema probe's connection and one per partition, each checking the project once.
    assertEquals(4L, emulator.stats().operations().get("GetProject"));
    // Ranges of history_line_count are not sent to W&B: every partition lists all runs.
    List<String> partitions = trimmed(sqlSent).subList(1, sqlSent.size());
    assertEquals(3, partitions.size(), partitions.toString());
    assertTrue(
        partitions.stream().allMatch(sql -> sql.contains("\"history_line_count\"")),
        partitions.toString());
  }

  /** The one runs listing the query made, beside connecting and column discovery. */
  private static JsonNode onlyListing() {
    List<JsonNode> listings = new ArrayList<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if ("Runs".equals(request.operationName()) && !isDiscovery(request)) {
        listings.add(request.variables());
      }
    }
    assertEquals(1, listings.size(), listings.toString());
    return listings.get(0);
  }

  /** Column discovery samples the 100 newest runs' config and summary. */
  private static boolean isDiscovery(RecordedRequest request) {
    JsonNode v = request.variables();
    return v.get("perPage").asInt() == 100
        && "-created_at".equals(v.get("order").asText())
        && "{}".equals(v.get("filters").asText())
        && v.get("withConfig").asBoolean();
  }

  private static Map<String, Long> connectAndDiscovery() {
    Map<String, Long> expected = new java.util.HashMap<>(CONNECT);
    expected.put("Runs", 1L);
    return expected;
  }

  private static JsonNode filters(JsonNode variables) throws Exception {
    return JSON.readTree(variables.get("filters").asText());
  }

  private static List<Boolean> heavyFields(JsonNode variables) {
    return List.of(
        variables.get("withConfig").asBoolean(),
        variables.get("withSummaryMetrics").asBoolean(),
        variables.get("withSystemMetrics").asBoolean());
  }

  private static List<String> trimmed(List<String> sql) {
    return sql.stream().map(String::strip).toList();
  }

  private static JsonNode config(EmulatedRun run, String key) {
    return run.config().path(key).path("value");
  }

  private static List<String> names(Predicate<EmulatedRun> filter) {
    return demo.stream().filter(filter).map(EmulatedRun::name).sorted().toList();
  }

  private static List<String> sortedByCreation() {
    return demo.stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name))
        .map(EmulatedRun::name)
        .toList();
  }
}
