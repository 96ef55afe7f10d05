package io.github.wandbjdbc.calcite.histories;

import static io.github.wandbjdbc.calcite.histories.HistoryFixture.historyRequests;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reader that wants a first page gets it in one request, and a key-ordered query reads no more
 * than its LIMIT needs; the rows stay those of the same query without pushdown.
 */
class HistoryFirstPageTest {
  private static final int PAGE = 200;
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(13)
                    .withRunsPerProject(20)
                    .withHistorySteps(1500)
                    .withEventsPerRun(400)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** DBeaver's grid: fetch size and maxRows 200, reads 200 rows, closes. */
  @ParameterizedTest
  @ValueSource(strings = {"histories", "sampled_histories", "system_metrics"})
  void aGridsFirstPageCostsOneRequest(String table) throws Exception {
    emulator.stats().reset();
    int read = 0;
    try (Connection connection = DriverManager.getConnection(liveUrl());
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(PAGE);
      statement.setMaxRows(PAGE);
      try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
        while (read < PAGE && rows.next()) {
          read++;
        }
      }
    }
    assertEquals(PAGE, read);
    assertEquals(1, historyRequests(emulator).size());
    assertTrue(emulator.stats().bytesOut() < 1_000_000, emulator.stats().bytesOut() + " bytes");
  }

  @Test
  void aLimitSizesTheFirstRequest() throws Exception {
    emulator.stats().reset();
    List<List<Object>> rows = query(liveUrl(), "SELECT * FROM histories LIMIT 200");
    assertEquals(PAGE, rows.size());
    assertEquals(1, historyRequests(emulator).size());
    assertTrue(emulator.stats().bytesOut() < 1_000_000, emulator.stats().bytesOut() + " bytes");
  }

  @Test
  void aKeyOrderedLimitNeedsNoSortAndStopsEarly() throws Exception {
    String sql =
        "SELECT run_id, _step, loss, \"row\" FROM histories ORDER BY run_id, _step LIMIT 200";
    assertFalse(explain(sql).contains("Sort"), explain(sql));
    emulator.stats().reset();
    List<List<Object>> rows = query(liveUrl(), sql);
    assertTrue(historyRequests(emulator).size() <= 2, historyRequests(emulator).size() + " reads");
    assertEquals(withoutPushdown(sql), rows);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT run_id, _step, loss FROM histories ORDER BY run_id, _step",
        "SELECT _step, run_id FROM histories ORDER BY run_id, _step, loss DESC",
        "SELECT run_id, _step, acc FROM histories ORDER BY run_id, _step LIMIT 50 OFFSET 1500",
        "SELECT run_id, _step, loss FROM histories WHERE loss > 1 ORDER BY run_id, _step",
        "SELECT run_id, _step FROM sampled_histories ORDER BY run_id, _step LIMIT 700",
        "SELECT run_id, _runtime FROM system_metrics ORDER BY run_id LIMIT 900"
      })
  void keyOrderedScansAnswerAsASortWould(String sql) throws Exception {
    assertFalse(explain(sql).contains("Sort"), explain(sql));
    assertEquals(withoutPushdown(sql), query(liveUrl(), sql));
  }

  @Test
  void oneRunOrderedByStepNeedsNoSort() throws Exception {
    String run = query(liveUrl(), "SELECT MAX(run_id) FROM runs").get(0).get(0).toString();
    String sql = "SELECT _step, loss FROM histories WHERE run_id = ? ORDER BY _step";
    assertFalse(explain(sql.replace("?", "'" + run + "'")).contains("Sort"));
    List<List<Object>> rows = query(liveUrl(), sql, run);
    assertFalse(rows.isEmpty());
    assertEquals(query(liveUrl() + ";pushdown=false", sql, run), rows);
  }

  /** Sorting by the key the other way round still sorts: the scan's order does not serve it. */
  @Test
  void otherOrdersStillSort() throws Exception {
    assertTrue(
        explain("SELECT run_id, _step FROM histories ORDER BY _step, run_id").contains("Sort"));
    assertTrue(
        explain("SELECT run_id, _step FROM histories ORDER BY run_id DESC").contains("Sort"));
  }

  private static List<List<Object>> withoutPushdown(String sql) throws Exception {
    return query(liveUrl() + ";pushdown=false", sql);
  }

  private static String explain(String sql) throws Exception {
    return HistoryFixture.explain(liveUrl(), sql);
  }

  /**
   * The live path's URL: these tests count the GraphQL requests of a first page, and asking W&B for
   * exports would be one more (HistoryExportsTest covers exported runs).
   */
  private static String liveUrl() {
    return emulator.jdbcUrl("demo") + ";exports=false";
  }
}
