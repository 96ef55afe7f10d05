package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
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
    assertEquals(
        7L,
        single(
            emulator.jdbcUrl("demo") + properties,
            "SELECT COUNT(*) FROM (SELECT run_id FROM runs LIMIT 7)"));
    assertEquals(
        (long) RUNS,
        single(
            emulator.jdbcUrl("demo") + properties,
            "SELECT COUNT(*) FROM (SELECT run_id FROM runs LIMIT 100)"));
  }

  /**
   * W&B filters cannot hold NaN or an infinity, so a pushed comparison with a {@code ?} bound to
   * one cannot narrow the scan; it must not fail the query either. Under NOT it still narrows.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void doubleParameterBoundToANonFiniteValue(String properties) throws SQLException {
    List<Double> losses =
        emulator.dataset().project("acme", "demo").orElseThrow().runs().stream()
            .map(run -> run.summary().get("loss"))
            .filter(loss -> loss != null && loss.isNumber())
            .map(JsonNode::doubleValue)
            .toList();
    long finite = losses.stream().filter(Double::isFinite).count();
    String url = emulator.jdbcUrl("demo") + properties;
    String where = "SELECT COUNT(*) FROM runs WHERE ";
    assertEquals(finite, single(url, where + "\"summary.loss\" < ?", Double.POSITIVE_INFINITY));
    assertEquals(finite, single(url, where + "\"summary.loss\" > ?", Double.NEGATIVE_INFINITY));
    assertEquals((long) losses.size(), single(url, where + "\"summary.loss\" <> ?", Double.NaN));
    assertEquals(0L, single(url, where + "\"summary.loss\" = ?", Double.NaN));
    assertEquals(0L, single(url, where + "NOT (\"summary.loss\" <> ?)", Double.NaN));
    assertEquals(
        (long) losses.size(), single(url, where + "NOT (\"summary.loss\" = ?)", Double.NaN));
  }

  private static Object single(String url, String sql, Object... parameters) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getObject(1);
      }
    }
  }
}
