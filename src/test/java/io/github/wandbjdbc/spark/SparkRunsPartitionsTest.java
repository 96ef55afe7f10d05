package io.github.wandbjdbc.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import io.github.wandbjdbc.jdbc.WandbDriver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code runs} in partitions: run id lists for a small project, {@code created_at} ranges for a
 * large one; the rows of each partition are disjoint, together they are the driver's answer, and
 * the emulator's log shows what each partition asked W&B for, the user's filter included.
 */
@Tag("spark")
class SparkRunsPartitionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** More runs than {@link RunSplits#ID_LIST_MAX} after the filter below. */
  private static final int LARGE_PROJECT_RUNS = 2400;

  private static WandbEmulator small;
  private static WandbEmulator large;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    small =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(17).withRunsPerProject(100).withHistorySteps(40)));
    large =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(29)
                    .withRunsPerProject(LARGE_PROJECT_RUNS)
                    .withHistorySteps(1)));
    spark = LocalSpark.start("wandb-spark-runs-partitions-test");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    small.close();
    large.close();
  }

  private static DataFrameReader wandb(WandbEmulator emulator) {
    return spark
        .read()
        .format("wandb")
        .option("baseUrl", emulator.baseUrl())
        .option("apiKey", emulator.apiKey())
        .option("entity", emulator.dataset().entity())
        .option("project", "demo");
  }

  @Test
  void aSmallProjectInFourPartitionsIsSplitIntoDisjointRunIdListsUnderTheFilter() throws Exception {
    String where = "\"config.lr\" >= 0.001";
    Dataset<Row> runs =
        wandb(small).option("numPartitions", "4").load("runs").filter("`config.lr` >= 0.001");
    assertEquals(4, runs.rdd().getNumPartitions());
    small.stats().reset();
    Map<Integer, Set<String>> rows = runIdsByPartition(runs);
    assertEquals(4, rows.size(), rows.toString());
    assertDisjointUnion(driverStrings(small, "SELECT run_id FROM runs WHERE " + where), rows);
    assertEquals(driverLong(small, "SELECT COUNT(*) FROM runs WHERE " + where), runs.count());

    // Each partition listed its own ids, with the filter; the lists are disjoint and cover.
    Map<Integer, Set<String>> lists = new TreeMap<>();
    for (RecordedRequest request : runsRequests(small)) {
      JsonNode filters = filters(request);
      for (JsonNode name : filters.findValues("name")) {
        if (name.has("$in")) {
          Set<String> ids = new HashSet<>();
          name.path("$in").forEach(id -> ids.add(id.asText()));
          lists.put(lists.size(), ids);
          assertEquals(
              0.001, filters.findValue("config.lr").path("$gte").asDouble(), filters::toString);
        }
      }
    }
    assertEquals(4, new HashSet<>(lists.values()).size(), lists.toString());
    assertDisjointUnion(
        driverStrings(small, "SELECT run_id FROM runs WHERE " + where), distinct(lists));
  }

  @Test
  void aLargeProjectIsSplitByCreatedAtRangesUnderTheFilter() throws Exception {
    String where = "state = 'finished'";
    Set<String> expected = driverStrings(large, "SELECT run_id FROM runs WHERE " + where);
    assertTrue(expected.size() > RunSplits.ID_LIST_MAX, "too few runs: " + expected.size());
    Dataset<Row> runs =
        wandb(large).option("numPartitions", "3").load("runs").filter("state = 'finished'");
    assertEquals(3, runs.rdd().getNumPartitions());
    large.stats().reset();
    Map<Integer, Set<String>> rows = runIdsByPartition(runs);
    assertEquals(3, rows.size(), rows.toString());
    assertDisjointUnion(expected, rows);
    assertEquals(driverLong(large, "SELECT COUNT(*) FROM runs WHERE " + where), runs.count());

    // Three creation-time ranges reached W&B, each with the state filter beside it.
    Set<String> ranges = new HashSet<>();
    for (RecordedRequest request : runsRequests(large)) {
      JsonNode filters = filters(request);
      List<JsonNode> created = filters.findValues("created_at");
      if (!created.isEmpty()) {
        ranges.add(created.toString());
        assertEquals("finished", filters.findValue("state").asText(), filters::toString);
      }
    }
    assertEquals(3, ranges.size(), ranges.toString());
  }

  @Test
  void withoutNumPartitionsASmallProjectIsOnePartitionAndALargeOneTheDefaultParallelism() {
    assertEquals(1, wandb(small).load("runs").rdd().getNumPartitions());
    // local[2]: at most 2, and at least 1,000 runs each.
    assertEquals(2, wandb(large).load("runs").rdd().getNumPartitions());
  }

  private static Map<Integer, Set<String>> runIdsByPartition(Dataset<Row> runs) {
    Map<Integer, Set<String>> byPartition = new TreeMap<>();
    runs.select(col("run_id"), spark_partition_id())
        .collectAsList()
        .forEach(
            r ->
                byPartition.computeIfAbsent(r.getInt(1), p -> new HashSet<>()).add(r.getString(0)));
    return byPartition;
  }

  private static void assertDisjointUnion(Set<String> expected, Map<Integer, Set<String>> parts) {
    Set<String> union = new HashSet<>();
    parts.values().forEach(union::addAll);
    assertEquals(
        union.size(), parts.values().stream().mapToInt(Set::size).sum(), "a run in two partitions");
    assertEquals(expected, union);
  }

  private static Map<Integer, Set<String>> distinct(Map<Integer, Set<String>> lists) {
    Map<Integer, Set<String>> unique = new TreeMap<>();
    new HashSet<>(lists.values()).forEach(ids -> unique.put(unique.size(), ids));
    return unique;
  }

  private static List<RecordedRequest> runsRequests(WandbEmulator emulator) {
    return emulator.stats().recorded().stream()
        .filter(r -> r.operationName().equals("Runs"))
        .toList();
  }

  private static JsonNode filters(RecordedRequest request) {
    try {
      return JSON.readTree(request.variables().path("filters").asText("{}"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(WandbEmulator emulator) throws SQLException {
    Properties p = new Properties();
    p.setProperty("baseUrl", emulator.baseUrl());
    p.setProperty("apiKey", emulator.apiKey());
    p.setProperty("entity", emulator.dataset().entity());
    p.setProperty("project", "demo");
    return new WandbDriver().connect("jdbc:wandb:", p);
  }

  private static long driverLong(WandbEmulator emulator, String sql) throws SQLException {
    try (Connection c = connect(emulator);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Set<String> driverStrings(WandbEmulator emulator, String sql) throws SQLException {
    Set<String> values = new HashSet<>();
    try (Connection c = connect(emulator);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
