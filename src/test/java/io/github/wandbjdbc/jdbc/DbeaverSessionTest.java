package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays what DBeaver does when a user opens the connection, expands the navigator and opens the
 * demo project's runs in the data grid, and counts the W&B requests each step costs.
 */
class DbeaverSessionTest {
  private static final List<String> PROJECTS =
      List.of("demo", "empty-project", "image-classification", "mnist-sweeps");
  private static WandbEmulator emulator;
  private final Map<String, Map<String, Long>> requestsPerStep = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(17).withRunsPerProject(450).withHistorySteps(3)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @FunctionalInterface
  private interface Step<T> {
    T run() throws SQLException;
  }

  @Test
  void navigatorProbeAndTwoGridPagesCostABoundedCountedNumberOfRequests() throws SQLException {
    Connection c = step("connect", () -> DriverManager.getConnection(emulator.jdbcUrl("demo")));
    try (c) {
      DatabaseMetaData md = c.getMetaData();
      step("getCatalogs", () -> count(md.getCatalogs()));
      List<String> schemas = step("getSchemas", () -> strings(md.getSchemas(), "TABLE_SCHEM"));
      assertEquals(PROJECTS, schemas);
      step("getTables", () -> count(md.getTables(null, null, "%", null)));
      Map<String, List<String>> columns =
          step("getColumns of each project's runs", () -> columnsOfEachProject(md, schemas));
      step("getColumns again", () -> columnsOfEachProject(md, schemas));
      step(
          "keys, indexes, type info",
          () -> {
            for (String schema : schemas) {
              count(md.getPrimaryKeys(null, schema, "runs"));
              count(md.getImportedKeys(null, schema, "runs"));
              count(md.getExportedKeys(null, schema, "runs"));
              count(md.getIndexInfo(null, schema, "runs", false, true));
            }
            return count(md.getTypeInfo());
          });
      List<String> probed =
          step(
              "SELECT * FROM runs WHERE 1=0",
              () -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM runs WHERE 1=0")) {
                  return labels(rs.getMetaData());
                }
              });
      assertEquals(columns.get("demo"), probed);
      List<String> page1 = step("grid page 1", () -> page(c, 0));
      List<String> page2 = step("grid page 2", () -> page(c, 200));
      List<String> expected = demoRunIdsInCreationOrder();
      assertEquals(expected.subList(0, 200), page1);
      assertEquals(expected.subList(200, 400), page2);
      step("isValid", () -> c.isValid(5));
    }
    requestsPerStep.forEach((step, requests) -> System.out.printf("%-36s %s%n", step, requests));
    Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
    // The project check, then the project list (setSchema), kept for the connection.
    expected.put("connect", Map.of("GetProject", 1L, "GetProjects", 1L));
    expected.put("getCatalogs", Map.of());
    expected.put("getSchemas", Map.of());
    expected.put("getTables", Map.of());
    // One column discovery per project, once per connection.
    expected.put("getColumns of each project's runs", Map.of("Runs", 4L));
    expected.put("getColumns again", Map.of());
    expected.put("keys, indexes, type info", Map.of());
    expected.put("SELECT * FROM runs WHERE 1=0", Map.of());
    expected.put("grid page 1", Map.of("Runs", 1L));
    // OFFSET 200: the first 400 runs in two pages of pageSize=200 (W&B pages by cursor).
    expected.put("grid page 2", Map.of("Runs", 2L));
    expected.put("isValid", Map.of("Viewer", 1L));
    assertEquals(expected, requestsPerStep);
  }

  private <T> T step(String name, Step<T> step) throws SQLException {
    emulator.stats().reset();
    T result = step.run();
    requestsPerStep.put(name, emulator.stats().operations());
    return result;
  }

  private static Map<String, List<String>> columnsOfEachProject(
      DatabaseMetaData md, List<String> schemas) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String schema : schemas) {
      columns.put(schema, strings(md.getColumns(null, schema, "runs", "%"), "COLUMN_NAME"));
    }
    return columns;
  }

  /** The grid's query for one page, as DBeaver sends it with "use SQL to limit fetch size". */
  private static List<String> page(Connection c, int offset) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setFetchSize(200);
      try (ResultSet rs = s.executeQuery("SELECT * FROM runs LIMIT 200 OFFSET " + offset)) {
        return strings(rs, "run_id");
      }
    }
  }

  private static List<String> demoRunIdsInCreationOrder() {
    return emulator.dataset().project("acme", "demo").orElseThrow().runs().stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name))
        .map(EmulatedRun::name)
        .toList();
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    try (rs) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(column));
      }
      return values;
    }
  }

  private static int count(ResultSet rs) throws SQLException {
    try (rs) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    }
  }

  private static List<String> labels(ResultSetMetaData md) throws SQLException {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      labels.add(md.getColumnLabel(i));
    }
    return labels;
  }
}
