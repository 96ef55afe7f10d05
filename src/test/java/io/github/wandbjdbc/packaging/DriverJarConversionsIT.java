package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC 4.2 {@code getObject(column, Class)} and {@code setObject} mappings through the shaded
 * jar alone, in a class loader that sees only the JDK. The jar's Calcite is loaded while the JVM's
 * zone is far from UTC (Chatham, UTC+12:45 or +13:45), as on a user's desktop, so a conversion that
 * mixed the JVM's zone into the driver's UTC instants would show here.
 */
class DriverJarConversionsIT {
  private static final TimeZone JVM_ZONE = TimeZone.getDefault();
  private static WandbEmulator emulator;
  private static URLClassLoader jarLoader;
  private static Connection connection;
  private static List<EmulatedRun> runs;

  @BeforeAll
  static void connectThroughTheJar() throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(23).withRunsPerProject(40)));
    runs = emulator.dataset().project(emulator.dataset().entity(), "demo").orElseThrow().runs();
    jarLoader =
        new URLClassLoader(
            "wandb-driver-jar",
            new URL[] {DriverJar.path().toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
    Driver driver = ServiceLoader.load(Driver.class, jarLoader).findFirst().orElseThrow();
    connection = driver.connect(emulator.jdbcUrl("demo"), new Properties());
    assertNotNull(connection, "the driver declined the emulator's URL");
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    emulator.close();
    jarLoader.close();
    TimeZone.setDefault(JVM_ZONE);
  }

  @Test
  void getObjectReadsEveryColumnTypeAsItsClasses() throws SQLException {
    EmulatedRun run =
        runs.stream().filter(r -> r.summary().path("acc").isNumber()).findFirst().orElseThrow();
    long lines = run.history().size();
    double acc = run.summary().get("acc").asDouble();
    Instant created = run.createdAt();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT run_id, history_line_count, \"summary.acc\", state = 'finished',"
                + " created_at FROM runs WHERE run_id = ?")) {
      statement.setString(1, run.name());
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next());
        assertEquals(run.name(), rows.getObject(1, String.class));
        assertEquals(lines, rows.getObject(2, Long.class));
        assertEquals((int) lines, rows.getObject(2, Integer.class));
        assertEquals((short) lines, rows.getObject(2, Short.class));
        assertEquals(BigDecimal.valueOf(lines), rows.getObject(2, BigDecimal.class));
        assertEquals(acc, rows.getObject(3, Double.class));
        assertEquals((float) acc, rows.getObject(3, Float.class));
        assertEquals(BigDecimal.valueOf(acc), rows.getObject(3, BigDecimal.class));
        assertEquals("finished".equals(run.state()), rows.getObject(4, Boolean.class));
        assertEquals(created, rows.getTimestamp(5).toInstant());
        assertEquals(Timestamp.from(created), rows.getObject(5, Timestamp.class));
        assertEquals(created, rows.getObject(5, Instant.class));
        assertEquals(created.atOffset(ZoneOffset.UTC), rows.getObject(5, OffsetDateTime.class));
        assertEquals(
            LocalDateTime.ofInstant(created, ZoneOffset.UTC),
            rows.getObject(5, LocalDateTime.class));
        assertEquals(new Date(created.toEpochMilli()), rows.getObject(5, Date.class));
        SQLDataException e =
            assertThrows(SQLDataException.class, () -> rows.getObject(1, Long.class));
        assertEquals("22018", e.getSQLState());
        assertTrue(
            e.getMessage().contains("cannot convert VARCHAR value '" + run.name() + "'"),
            e.getMessage());
      }
    }
  }

  @Test
  void setObjectBindsJavaTimeValuesAsTheirUtcInstant() throws SQLException {
    Instant since = runs.stream().map(EmulatedRun::createdAt).sorted().toList().get(20);
    LocalDate day = LocalDateTime.ofInstant(since, ZoneOffset.UTC).toLocalDate();
    String sql = "SELECT run_id FROM runs WHERE created_at >= ? ORDER BY run_id";
    List<String> expected = names(since);
    assertEquals(expected, ids(sql, Timestamp.from(since)));
    assertEquals(expected, ids(sql, LocalDateTime.ofInstant(since, ZoneOffset.UTC)));
    assertEquals(expected, ids(sql, since.atOffset(ZoneOffset.ofHours(-5))));
    assertEquals(expected, ids(sql, since));
    assertEquals(names(day.atStartOfDay(ZoneOffset.UTC).toInstant()), ids(sql, day));
  }

  @Test
  void setObjectAndSetStringBindNumericText() throws SQLException {
    String doubles = "SELECT run_id FROM runs WHERE \"summary.acc\" > ? ORDER BY run_id";
    assertEquals(ids(doubles, 0.5), ids(doubles, "0.5"));
    String longs = "SELECT run_id FROM runs WHERE history_line_count > ? ORDER BY run_id";
    List<String> byLong = ids(longs, 150L);
    assertEquals(byLong, ids(longs, "150"));
    assertEquals(
        runs.stream()
            .filter(r -> r.history().size() > 150)
            .map(EmulatedRun::name)
            .sorted()
            .toList(),
        byLong);
    try (PreparedStatement statement = connection.prepareStatement(longs)) {
      SQLDataException e =
          assertThrows(SQLDataException.class, () -> statement.setString(1, "abc"));
      assertEquals("22018", e.getSQLState());
    }
  }

  private static List<String> ids(String sql, Object parameter) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter instanceof String text) {
        statement.setString(1, text);
      } else {
        statement.setObject(1, parameter);
      }
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  private static List<String> names(Instant since) {
    return runs.stream()
        .filter(r -> !r.createdAt().isBefore(since))
        .map(EmulatedRun::name)
        .sorted()
        .toList();
  }
}
