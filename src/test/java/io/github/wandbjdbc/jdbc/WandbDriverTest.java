package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WandbDriverTest {
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(3).withRunsPerProject(5)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static String baseUrlOnly() {
    return "jdbc:wandb:baseUrl=" + emulator.baseUrl();
  }

  @Test
  void registeredThroughServiceLoaderAndClaimsOnlyItsPrefix() throws SQLException {
    Driver driver = DriverManager.getDriver("jdbc:wandb:entity=acme");
    assertInstanceOf(WandbDriver.class, driver);
    assertTrue(driver.acceptsURL("jdbc:wandb:"));
    assertFalse(driver.acceptsURL("jdbc:postgresql://localhost/db"));
    assertNull(driver.connect("jdbc:postgresql://localhost/db", new Properties()));
    assertFalse(driver.jdbcCompliant());
  }

  @Test
  void onlyOurDriverIsRegisteredNotCalcitesOwn() throws SQLException {
    assertInstanceOf(WandbDriver.class, DriverManager.getDriver("jdbc:wandb:"));
    SQLException e =
        assertThrows(
            SQLException.class, () -> DriverManager.getDriver("jdbc:calcite:model=inline:{}"));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void propertyInfoListsOurKeysAndNeverEchoesTheKey() throws SQLException {
    Properties info = new Properties();
    info.setProperty("apiKey", emulator.apiKey());
    info.setProperty("pageSize", "17");
    java.util.Map<String, java.sql.DriverPropertyInfo> byName = new java.util.HashMap<>();
    for (java.sql.DriverPropertyInfo p : new WandbDriver().getPropertyInfo("jdbc:wandb:", info)) {
      byName.put(p.name, p);
    }
    assertEquals(
        java.util.Set.of(
            "apiKey",
            "dialect",
            "baseUrl",
            "entity",
            "project",
            "pageSize",
            "timeout",
            "maxRetries",
            "retryBackoffMs",
            "concurrency",
            "samples",
            "logRequests",
            "pushdown",
            "descNullsLast",
            "exports",
            "maxRequests",
            "cache",
            "cacheDir",
            "cacheMaxBytes"),
        byName.keySet());
    assertNull(byName.get("apiKey").value);
    assertEquals("17", byName.get("pageSize").value);
    assertEquals("https://api.wandb.ai", byName.get("baseUrl").value);
    assertTrue(byName.get("timeout").description.contains("Seconds"));
  }

  @Test
  void badPortIsAConnectionErrorNotACrash() {
    assertThrows(
        SQLNonTransientConnectionException.class,
        () ->
            DriverManager.getConnection(
                "jdbc:wandb:baseUrl=http://127.0.0.1:99999;apiKey=" + "k".repeat(40)));
  }

  @Test
  void passwordPropertyCarriesTheKeyAndTheViewerEntityIsTheDefault() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "anyone");
    info.setProperty("password", emulator.apiKey());
    try (Connection c = DriverManager.getConnection(baseUrlOnly(), info);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT entity, COUNT(*) AS n FROM demo.runs GROUP BY entity")) {
      assertTrue(rs.next());
      assertEquals("acme", rs.getString("entity"));
      assertEquals(5, rs.getLong("n"));
      assertFalse(rs.next());
    }
  }

  @Test
  void metadataShowsProjectsAsSchemasAndNeverTheKey() throws SQLException {
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      String url = c.getMetaData().getURL();
      assertFalse(url.contains(emulator.apiKey()), url);
      assertEquals("demo", c.getSchema());
      try (ResultSet rs = c.getMetaData().getSchemas()) {
        java.util.Set<String> schemas = new java.util.TreeSet<>();
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
        assertEquals(
            java.util.Set.of("demo", "image-classification", "empty-project", "mnist-sweeps"),
            schemas);
      }
    }
  }

  @Test
  void wrongKeyFailsAtConnectWithAnAuthorizationError() {
    String url =
        "jdbc:wandb:baseUrl=" + emulator.baseUrl() + ";entity=acme;apiKey=" + "x".repeat(40);
    SQLException e =
        assertThrows(
            SQLInvalidAuthorizationSpecException.class, () -> DriverManager.getConnection(url));
    assertFalse(e.getMessage().contains("x".repeat(40)), e.getMessage());
    assertEquals("28000", e.getSQLState());
  }

  @Test
  void unknownProjectFailsAtConnectNamingIt() {
    SQLException e =
        assertThrows(
            SQLNonTransientConnectionException.class,
            () -> DriverManager.getConnection(emulator.jdbcUrl("no-such-project")));
    assertTrue(e.getMessage().contains("'no-such-project'"), e.getMessage());
    assertTrue(e.getMessage().contains("'acme'"), e.getMessage());
  }

  @Test
  void emptyProjectIsAnEmptyTable() throws SQLException {
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("empty-project"));
        ResultSet rs = c.createStatement().executeQuery("SELECT run_id FROM runs")) {
      assertFalse(rs.next());
    }
  }
}
