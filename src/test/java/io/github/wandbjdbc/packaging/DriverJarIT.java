package io.github.wandbjdbc.packaging;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries the emulator through the built jar alone: the driver is loaded from the shaded jar in a
 * class loader that sees only the JDK, so a class missing from the jar, or a relocation that broke
 * a reference, fails here even though the test class path has every dependency.
 */
class DriverJarIT {
  private static WandbEmulator emulator;
  private static URLClassLoader jarLoader;
  private static List<Driver> drivers;

  @BeforeAll
  static void loadDriverFromJar() throws Exception {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(17)));
    URL jar = DriverJar.path().toUri().toURL();
    jarLoader =
        new URLClassLoader(
            "wandb-driver-jar", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    drivers =
        ServiceLoader.load(Driver.class, jarLoader).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
  }

  @AfterAll
  static void close() throws Exception {
    emulator.close();
    jarLoader.close();
  }

  @Test
  void theJarRegistersExactlyOurDriverAndOnlyTheJarSuppliesIt() throws Exception {
    assertEquals(1, drivers.size(), () -> "java.sql.Driver services in the jar: " + drivers);
    Driver driver = drivers.get(0);
    assertEquals("io.github.wandbjdbc.jdbc.WandbDriver", driver.getClass().getName());
    assertSame(jarLoader, driver.getClass().getClassLoader());
    assertTrue(driver.acceptsURL("jdbc:wandb:entity=acme"));
    assertEquals(false, driver.acceptsURL("jdbc:calcite:"));
    // The bundled libraries are there only under the relocated names.
    assertNotNull(jarLoader.loadClass("io.github.wandbjdbc.shaded.okhttp3.OkHttpClient"));
    assertThrows(ClassNotFoundException.class, () -> jarLoader.loadClass("okhttp3.OkHttpClient"));
    assertThrows(
        ClassNotFoundException.class,
        () -> jarLoader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
  }

  @Test
  void runIdsAndStatesMatchTheDataset() throws Exception {
    EmulatedProject demo = project("demo");
    Map<String, String> expected =
        demo.runs().stream().collect(toMap(EmulatedRun::name, EmulatedRun::state));
    Map<String, String> actual = new HashMap<>();
    long requestsBefore = emulator.stats().requests();
    try (Connection connection = connect("demo");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT run_id, state FROM runs")) {
      while (rs.next()) {
        assertEquals(null, actual.put(rs.getString(1), rs.getString(2)), "duplicate run id");
      }
    }
    assertEquals(expected, actual);
    assertTrue(emulator.stats().requests() > requestsBefore, "the query reached the emulator");
  }

  /**
   * The jar's Calcite is fresh in its class loader, as in DBeaver: loading the driver must turn on
   * the compiled-code cache before Calcite reads its settings, and queries differing only in a
   * pushed literal must share one compiled class.
   */
  @Test
  void queriesDifferingInAPushedLiteralShareOneCompiledClass() throws Exception {
    Class<?> interpretable =
        jarLoader.loadClass("org.apache.calcite.adapter.enumerable.EnumerableInterpretable");
    java.lang.reflect.Field field = interpretable.getDeclaredField("BINDABLE_CACHE");
    field.setAccessible(true);
    Object cache = field.get(null);
    // Guava's Cache, relocated in the jar; its public interface is callable by reflection.
    Class<?> cacheInterface =
        java.util.Arrays.stream(cache.getClass().getInterfaces())
            .filter(type -> type.getSimpleName().equals("Cache"))
            .findFirst()
            .orElseThrow();
    java.lang.reflect.Method size = cacheInterface.getMethod("size");
    String sql = "SELECT run_id FROM runs WHERE job_type = 'cache-probe-%d' LIMIT 3";
    try (Connection connection = connect("demo")) {
      query(connection, String.format(sql, 0));
      long compiled = (Long) size.invoke(cache);
      for (int i = 1; i <= 3; i++) {
        query(connection, String.format(sql, i));
      }
      assertEquals(compiled, (Long) size.invoke(cache));
      query(connection, "SELECT run_id FROM runs WHERE UPPER(job_type) = 'CACHE-PROBE'");
      assertEquals(compiled + 1, (Long) size.invoke(cache));
    }
  }

  @Test
  void groupedCountsMatchTheDataset() throws Exception {
    Map<String, Long> expected =
        project("demo").runs().stream().collect(groupingBy(EmulatedRun::state, counting()));
    Map<String, Long> actual = new HashMap<>();
    try (Connection connection = connect("demo");
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT state, COUNT(*) AS n FROM runs GROUP BY state")) {
      while (rs.next()) {
        actual.put(rs.getString("state"), rs.getLong("n"));
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void anotherProjectIsReachableByItsQuotedName() throws Exception {
    Set<String> expected =
        project("image-classification").runs().stream().map(EmulatedRun::name).collect(toSet());
    Set<String> actual = new HashSet<>();
    try (Connection connection = connect("demo");
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT run_id, project FROM \"image-classification\".runs")) {
      while (rs.next()) {
        assertEquals("image-classification", rs.getString("project"));
        actual.add(rs.getString("run_id"));
      }
    }
    assertEquals(expected, actual);
  }

  private static Connection connect(String project) throws SQLException {
    Connection connection = drivers.get(0).connect(emulator.jdbcUrl(project), new Properties());
    assertNotNull(connection, "the driver declined the emulator's URL");
    return connection;
  }

  private static void query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rs.getString(1);
      }
    }
  }

  private static EmulatedProject project(String name) {
    return emulator.dataset().project(emulator.dataset().entity(), name).orElseThrow();
  }
}
