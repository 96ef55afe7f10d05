package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.Fault;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection.isValid asks W&B once, and answers false (never throws) when W&B does not answer. */
class ConnectionValidityTest {
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(5).withRunsPerProject(3)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void clear() {
    emulator.faults().clear();
  }

  @Test
  void aLiveConnectionCostsOneViewerRequest() throws SQLException {
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      emulator.stats().reset();
      assertTrue(c.isValid(5));
      assertTrue(c.isValid(0));
      assertEquals(Map.of("Viewer", 2L), emulator.stats().operations());
    }
  }

  @Test
  void aRevokedKeyIsNotValidAndIsNotRetried() throws SQLException {
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      emulator.stats().reset();
      emulator.faults().enqueue(Fault.status(401));
      assertFalse(c.isValid(5));
      emulator.faults().enqueue(Fault.status(503));
      assertFalse(c.isValid(5));
      assertEquals(Map.of("Viewer", 2L), emulator.stats().operations());
      assertTrue(c.isValid(5), "the next check reaches W&B again");
    }
  }

  @Test
  void aSilentServerIsNotValidWithinTheTimeout() throws SQLException {
    try (Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      emulator.faults().enqueue(Fault.delay(Duration.ofSeconds(20)));
      long start = System.nanoTime();
      assertFalse(c.isValid(1));
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      assertTrue(seconds < 10, "isValid(1) took " + seconds + " s");
    }
  }

  @Test
  void anUnreachableServerIsNotValid() throws SQLException {
    WandbEmulator gone =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(5).withRunsPerProject(1)));
    try (Connection c = DriverManager.getConnection(gone.jdbcUrl("demo"))) {
      gone.close();
      assertFalse(c.isValid(2));
    }
  }

  @Test
  void aClosedConnectionIsNotValidWithoutARequestAndANegativeTimeoutIsAnError()
      throws SQLException {
    Connection c = DriverManager.getConnection(emulator.jdbcUrl("demo"));
    SQLException e = assertThrows(SQLException.class, () -> c.isValid(-1));
    assertEquals("HY024", e.getSQLState());
    c.close();
    emulator.stats().reset();
    assertFalse(c.isValid(5));
    assertEquals(0, emulator.stats().requests());
  }
}
