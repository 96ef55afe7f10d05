package io.github.wandbjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WandbSqlTest {
  private static WandbEmulator emulator;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(42).withRunsPerProject(5)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private int run(String... args) throws Exception {
    return WandbSql.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fieldsWithCommasQuotesOrNullsFollowRfc4180() throws Exception {
    assertEquals(
        0,
        run(
            "--url",
            emulator.jdbcUrl("demo"),
            "-e",
            "SELECT 'a,b' AS c1, 'say \"hi\"' AS c2, CAST(NULL AS VARCHAR) AS c3, 'x' AS c4"
                + " FROM (VALUES (1))"));
    assertEquals(List.of("c1,c2,c3,c4", "\"a,b\",\"say \"\"hi\"\"\",,x"), outLines());
  }

  @Test
  void doublesReadAsTheJsonColumnsWriteThem() throws Exception {
    assertEquals(
        0,
        run(
            "--url",
            emulator.jdbcUrl("demo"),
            "-e",
            "SELECT CAST(5.5E-5 AS DOUBLE) AS a, CAST(1.777960619244E9 AS DOUBLE) AS b,"
                + " CAST(0.1 AS DOUBLE) AS c, CAST(1E20 AS DOUBLE) AS d,"
                + " CAST(NULL AS DOUBLE) AS e FROM (VALUES (1))"));
    assertEquals(List.of("a,b,c,d,e", "5.5e-05,1777960619.244,0.1,1e+20,"), outLines());
  }

  @Test
  void statsPrintWhatTheStatementSpentOnStderr() throws Exception {
    String sql = "SELECT COUNT(*) FROM runs WHERE state = 'finished'";
    assertEquals(0, run("--url", emulator.jdbcUrl("demo"), "-e", sql, "--stats"));
    // A pushed COUNT(*) is one runCount request; connecting and planning are not the statement's.
    assertTrue(errText().startsWith("W&B: 1 requests, "), errText());
    assertEquals(2, outLines().size());
  }

  @Test
  void aFailingQueryExitsOneWithTheErrorOnStderr() throws Exception {
    assertEquals(
        1, run("--url", emulator.jdbcUrl("demo"), "-e", "SELECT no_such_column FROM runs"));
    assertTrue(errText().contains("Column 'no_such_column' not found"), errText());
    assertEquals(List.of(), outLines());
  }

  @Test
  void anApiKeyInTheUrlIsUsedButNeverPrinted() throws Exception {
    String url = emulator.jdbcUrl("demo");
    assertTrue(url.contains(";apiKey=" + emulator.apiKey() + ";"), url);
    assertEquals(
        0,
        run(
            "--url",
            url.replace(";apiKey=", ";PASSWORD="),
            "-e",
            "SELECT COUNT(*) AS n FROM runs"));
    assertEquals(List.of("n", "5"), outLines());
    // A broken URL fails before any request; the message names the segment, not the key.
    assertEquals(1, run("--url", url + ";oops", "-e", "SELECT 1"));
    assertTrue(errText().contains("URL segment 5 is not of the form key=value"), errText());
    // A URL for another driver: DriverManager would repeat it, key and all.
    assertEquals(1, run("--url", url.replace("jdbc:wandb:", "jdbc:wandbx:"), "-e", "SELECT 1"));
    assertTrue(errText().contains("The URL must start with jdbc:wandb:"), errText());
    assertFalse(errText().contains(emulator.apiKey()), errText());
  }

  @Test
  void aMisspelledKeywordIsNamedWithWhereItIs() throws Exception {
    assertEquals(1, run("--url", emulator.jdbcUrl("demo"), "-e", "\n  SELEC 1"));
    assertEquals(
        "error: Expected SELECT at line 2, column 3, found \"SELEC\"."
            + " A statement starts with SELECT, WITH, VALUES, EXPLAIN. [SQLState 42000]",
        errText().strip());
  }

  @Test
  void aWrongKeySaysToCheckItOnce() throws Exception {
    String url = emulator.jdbcUrl("demo").replace(emulator.apiKey(), "wrong-key");
    assertEquals(1, run("--url", url, "-e", "SELECT 1 AS x FROM runs"));
    assertEquals(1, errText().split("Check the", -1).length - 1, errText());
  }

  @Test
  void badArgumentsExitTwoWithUsageAndNeverEchoAValue() throws Exception {
    assertEquals(2, run("-e", "SELECT 1"));
    assertTrue(errText().contains("--url is required"), errText());
    assertTrue(errText().contains("usage: java -jar wandb-jdbc-<version>-driver.jar"), errText());
    assertEquals(2, run("--url"));
    assertTrue(errText().contains("--url needs a value"), errText());
    assertEquals(2, run("--ur", "jdbc:wandb:apiKey=secret-key"));
    assertTrue(errText().contains("unknown option: --ur"), errText());
    assertEquals(2, run("jdbc:wandb:apiKey=secret-key"));
    assertTrue(errText().contains("argument 1 is not an option"), errText());
    assertFalse(errText().contains("secret-key"), errText());
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    assertEquals(0, run("--help"));
    assertTrue(outLines().get(0).startsWith("usage: java -jar"), outLines().get(0));
  }
}
