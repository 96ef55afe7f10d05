package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries that {@link PushdownDifferentialTest} once found answered wrongly, or not at all. */
class PushdownRegressionTest {
  private static final int RUNS = 30;
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = WandbEmulator.start(EmulatorConfig.defaults(),
        DatasetGenerator.generate(GeneratorSpec.defaults(11).withRunsPerProject(RUNS)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** A scan that needs no column at all (only its row count) still yields rows Calcite can read. */
  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void countOfALimitedScanWithoutColumns(String properties) throws SQLException {
    assertEquals(7L, single(emulator.jdbcUrl("demo") + properties,
        "SELECT COUNT(*) FROM (SELECT run_id FROM runs LIMIT 7)"));
    assertEquals((long) RUNS, single(emulator.jdbcUrl("demo") + properties,
        "SELECT COUNT(*) FROM (SELECT run_id FROM runs LIMIT 100)"));
  }

  private static Object single(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getObject(1);
    }
  }
}
