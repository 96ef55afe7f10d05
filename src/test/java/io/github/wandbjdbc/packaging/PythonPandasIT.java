package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sql-examples/python/runs_to_pandas.py}: Debian's python3 reads the emulator's demo project
 * into pandas through JPype and the built jar, and every cell and dtype it prints is checked
 * against the same query read here through JDBC. Missing python3-jpype or python3-pandas fails the
 * test: {@code bin/run-tests} installs them.
 */
class PythonPandasIT {
  private static final Path SCRIPT =
      Path.of(System.getProperty("basedir", "."), "sql-examples", "python", "runs_to_pandas.py");
  private static final String PYTHON = "/usr/bin/python3";
  private static final String RUNS_SQL =
      "SELECT run_id, state, created_at, heartbeat_at, history_line_count, \"summary._step\","
          + " \"summary.loss\", \"summary.min_log_prob\", \"config.use_amp\" FROM runs"
          + " ORDER BY created_at, run_id";
  private static final String HISTORY_SQL =
      "SELECT _step, _timestamp, _runtime, loss FROM histories WHERE run_id = ? ORDER BY _step";

  private static WandbEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(42)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void runsArriveInPandasWithTheDocumentedDtypesAndEveryValue() throws Exception {
    List<PandasFrame> frames = PandasFrame.parseAll(runScript());
    assertEquals(2, frames.size(), "a runs frame and a history frame");

    PandasFrame runs = frames.get(0);
    assertEquals(
        "run_id=object, state=object, created_at=datetime64[ns], heartbeat_at=datetime64[ns],"
            + " history_line_count=int64, summary._step=float64, summary.loss=float64,"
            + " summary.min_log_prob=float64, config.use_amp=bool",
        runs.dtypes());
    List<List<Object>> expectedRuns = jdbcRows(RUNS_SQL, List.of());
    assertEquals(expectedRuns.size(), runs.rows().size());
    for (int i = 0; i < expectedRuns.size(); i++) {
      runs.assertRowMatches(i, expectedRuns.get(i));
    }
    // The comparison above means something only if the data holds each case.
    assertTrue(expectedRuns.stream().anyMatch(r -> r.get(5) == null), "a BIGINT NULL");
    assertTrue(expectedRuns.stream().anyMatch(r -> isNaN(r.get(6))), "a DOUBLE NaN");
    assertTrue(expectedRuns.stream().anyMatch(r -> r.get(6) == null), "a DOUBLE NULL");
    assertTrue(
        expectedRuns.stream().anyMatch(r -> r.get(7) instanceof Double d && d.isInfinite()),
        "an infinite DOUBLE");
    assertTrue(expectedRuns.stream().anyMatch(r -> r.get(3) == null), "a TIMESTAMP NULL");

    PandasFrame history = frames.get(1);
    assertEquals(
        "_step=int64, _timestamp=datetime64[ns], _runtime=float64, loss=float64", history.dtypes());
    String runId = history.title().replaceFirst("^history of run (\\S+) .*$", "$1");
    List<List<Object>> expectedHistory = jdbcRows(HISTORY_SQL, List.of(runId));
    assertTrue(expectedHistory.size() > 10, "history rows: " + expectedHistory.size());
    assertEquals(expectedHistory.size(), history.rows().size());
    for (int i = 0; i < expectedHistory.size(); i++) {
      history.assertRowMatches(i, expectedHistory.get(i));
    }
  }

  private static boolean isNaN(Object value) {
    return value instanceof Double d && d.isNaN();
  }

  /** Rows as JDBC gives them: String, Long, Double, Boolean, Instant (UTC) or null. */
  private static List<List<Object>> jdbcRows(String sql, List<String> params) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        statement.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(JdbcCell.read(rs, c));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * Runs the script in a time zone other than UTC, so that a timestamp shifted into the local zone
   * would show.
   */
  private String runScript() throws IOException, InterruptedException {
    assertTrue(
        Files.isExecutable(Path.of(PYTHON)),
        PYTHON + " is missing: install Debian's python3, python3-jpype and python3-pandas");
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    ProcessBuilder builder =
        new ProcessBuilder(
                PYTHON, SCRIPT.toString(), DriverJar.path().toString(), emulator.jdbcUrl("demo"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("TZ", "America/New_York");
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the script still runs after 180 s");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(
        0,
        process.exitValue(),
        () ->
            "the script failed (python3-jpype and python3-pandas installed? bin/run-tests installs"
                + " them):\n"
                + stderr);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(!stdout.contains(emulator.apiKey()), "the script printed the API key");
    return stdout;
  }
}
