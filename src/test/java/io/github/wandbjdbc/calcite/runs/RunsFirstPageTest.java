package io.github.wandbjdbc.calcite.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A runs scan's first request asks for the rows the statement wants first (its row goal). */
class RunsFirstPageTest {
  private static final int RUNS = 1_500;
  private static final int PAGE = 200;
  private static WandbEmulator emulator;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(17).withRunsPerProject(RUNS).withHistorySteps(0)));
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
    connection.createStatement().executeQuery("SELECT 1 FROM runs LIMIT 0").close();
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    emulator.close();
  }

  /** DBeaver's grid: fetch size and maxRows 200, reads 200 rows, closes. */
  @ParameterizedTest
  @ValueSource(strings = {"*", "run_id, state"})
  void aGridsFirstPageCostsOneRequest(String columns) throws Exception {
    emulator.stats().reset();
    int read = 0;
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(PAGE);
      statement.setMaxRows(PAGE);
      try (ResultSet rows = statement.executeQuery("SELECT " + columns + " FROM runs")) {
        while (read < PAGE && rows.next()) {
          read++;
        }
      }
    }
    assertEquals(PAGE, read);
    assertEquals(List.of(PAGE), perPage());
  }

  @Test
  void aFetchSizeSizesOnlyTheFirstPage() throws Exception {
    emulator.stats().reset();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(PAGE);
      assertEquals(RUNS, count(statement.executeQuery("SELECT run_id, state FROM runs")));
    }
    assertEquals(List.of(PAGE, 1000, 1000), perPage());
  }

  @Test
  void aLimitWithOffsetAsksForBothInOneRequest() throws Exception {
    emulator.stats().reset();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(50);
      assertEquals(
          300,
          count(
              statement.executeQuery(
                  "SELECT run_id FROM runs ORDER BY created_at LIMIT 300 OFFSET 40")));
    }
    assertEquals(List.of(340), perPage());
  }

  private static int count(ResultSet rs) throws SQLException {
    int rows = 0;
    try (rs) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }

  private static List<Integer> perPage() {
    List<Integer> sizes = new ArrayList<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if ("Runs".equals(request.operationName())) {
        sizes.add(request.variables().get("perPage").asInt());
      }
    }
    return sizes;
  }
}
