package io.github.wandbjdbc.spark;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver jar's connector, compiled against Spark 3.5, under the newest Spark 4. Failsafe's
 * {@code spark4-it} execution runs this class alone, on a class path of the driver jar, the test
 * classes, the test-scope libraries and Spark 4 with its own dependencies: neither Spark 3.5 nor
 * the driver's unshaded dependencies are on it.
 */
class Spark4IT {
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
    spark = LocalSpark.start("wandb-spark4-it");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    emulator.close();
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
  void runsUnderSpark4() {
    assertTrue(spark.version().startsWith("4."), spark.version());
    assertTrue(
        WandbDriver.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .getPath()
            .endsWith("-driver.jar"),
        "not the driver jar");
  }

  @Test
  void historiesInFourPartitionsCountAsTheDriver() throws Exception {
    Dataset<Row> histories = wandb().option("numPartitions", "4").load("histories");
    assertEquals(4, histories.rdd().getNumPartitions());
    assertEquals(driverStrings("SELECT COUNT(*) FROM histories").get(0), histories.count() + "");
  }

  @Test
  void aFilterOnConfigLrReachesWandb() throws Exception {
    emulator.stats().reset();
    List<String> ids =
        wandb()
            .option("numPartitions", "2")
            .load("runs")
            .filter("`config.lr` >= 0.001")
            .select("run_id")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    assertTrue(
        emulator.stats().recorded().stream()
            .filter(r -> r.operationName().equals("Runs"))
            .anyMatch(r -> configLr(r).path("$gte").asDouble() == 0.001),
        emulator.stats().recorded().toString());
    assertEquals(
        driverStrings("SELECT run_id FROM runs WHERE \"config.lr\" >= 0.001 ORDER BY run_id"), ids);
  }

  private static JsonNode configLr(RecordedRequest request) {
    try {
      return JSON.readTree(request.variables().path("filters").asText("{}")).findPath("config.lr");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> driverStrings(String sql) throws SQLException {
    Properties p = new Properties();
    p.setProperty("baseUrl", emulator.baseUrl());
    p.setProperty("apiKey", emulator.apiKey());
    p.setProperty("entity", emulator.dataset().entity());
    p.setProperty("project", "demo");
    List<String> values = new ArrayList<>();
    try (Connection c = new WandbDriver().connect("jdbc:wandb:", p);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
