package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 11, item 8: what the README says about connecting, metadata and identifiers. */
class ReadmeFactsTest {
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(8).withRunsPerProject(5)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void connectingMakesTwoRequests() throws SQLException {
    String withProject = emulator.jdbcUrl("demo");
    String withEntity = withProject.replace(";project=demo", "");
    String withNeither = withEntity.replace(";entity=" + emulator.dataset().entity(), "");
    Map<String, Map<String, Long>> expected =
        Map.of(
            withProject, Map.of("GetProject", 1L, "GetProjects", 1L),
            withEntity, Map.of("Viewer", 1L, "GetProjects", 1L),
            withNeither, Map.of("Viewer", 1L, "GetProjects", 1L));
    for (Map.Entry<String, Map<String, Long>> url : expected.entrySet()) {
      emulator.stats().reset();
      try (Connection connection = DriverManager.getConnection(url.getKey())) {
        assertEquals(url.getValue(), emulator.stats().operations(), url.getKey());
        assertEquals(url.getKey().contains("project=") ? "demo" : null, connection.getSchema());
      }
    }
  }

  @Test
  void everyProjectListsFourTablesAndTheHistoryTablesReferToRuns() throws SQLException {
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      DatabaseMetaData metaData = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = metaData.getTables(null, "demo", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(List.of("histories", "runs", "sampled_histories", "system_metrics"), tables);
      for (String table : List.of("histories", "sampled_histories", "system_metrics")) {
        try (ResultSet rs = metaData.getImportedKeys(null, "demo", table)) {
          assertTrue(rs.next(), table);
          assertEquals(
              List.of("runs", "run_id", "run_id"),
              List.of(
                  rs.getString("PKTABLE_NAME"),
                  rs.getString("PKCOLUMN_NAME"),
                  rs.getString("FKCOLUMN_NAME")));
        }
      }
    }
  }

  @Test
  void quotedIdentifiersAreNotCaseSensitive() throws SQLException {
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT \"RUN_ID\", Run_Id FROM \"DEMO\".\"Runs\" LIMIT 1")) {
      assertTrue(rs.next());
      assertEquals(rs.getString(1), rs.getString(2));
      assertEquals("run_id", rs.getMetaData().getColumnName(1));
      assertTrue(connection.getMetaData().storesMixedCaseQuotedIdentifiers());
      assertTrue(!connection.getMetaData().supportsMixedCaseQuotedIdentifiers());
    }
  }
}
