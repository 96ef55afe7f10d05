package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

  @Test
  void defaults() {
    LauncherOptions options = LauncherOptions.parse();
    assertEquals(
        new LauncherOptions(false, 0, 42, null, null, 0, 0, 0, ExportMode.FINISHED, 0), options);
    assertEquals(EmulatorConfig.defaults().withExports(ExportMode.FINISHED), options.config());
    assertEquals(GeneratorSpec.defaults(42), options.spec());
  }

  @Test
  void everyFlag() {
    LauncherOptions options =
        LauncherOptions.parse(
            "--port",
            "8123",
            "--seed",
            "7",
            "--runs",
            "30",
            "--history-steps",
            "400",
            "--latency-ms",
            "25",
            "--rate-limit",
            "2.5",
            "--fail-every",
            "4",
            "--parquet-exports",
            "partial",
            "--file-latency-ms",
            "15");
    assertEquals(
        new LauncherOptions(false, 8123, 7, 30, 400, 25, 2.5, 4, ExportMode.PARTIAL, 15), options);
    assertEquals(
        EmulatorConfig.defaults()
            .withPort(8123)
            .withLatencyMs(25)
            .withRateLimitPerSecond(2.5)
            .withFailEvery(4)
            .withExports(ExportMode.PARTIAL)
            .withFileLatencyMs(15),
        options.config());
    assertEquals(
        GeneratorSpec.defaults(7).withRunsPerProject(30).withHistorySteps(400), options.spec());
    assertTrue(LauncherOptions.parse("--help").help());
    assertEquals(
        ExportMode.NONE,
        LauncherOptions.parse("--parquet-exports", "none").config().exports().mode());
  }

  @Test
  void badFlagsNameTheProblem() {
    assertEquals("unknown argument: --bogus", message("--bogus", "1"));
    assertEquals("unknown argument: stray", message("stray"));
    assertEquals("missing value for --port", message("--port"));
    assertEquals("--port needs an integer, got \"http\"", message("--port", "http"));
    assertEquals("--port must be within 0..65535", message("--port", "70000"));
    assertEquals("--runs must be within 0..2147483647", message("--runs", "-1"));
    assertEquals("--rate-limit needs a number >= 0, got \"-3\"", message("--rate-limit", "-3"));
    assertEquals(
        "--parquet-exports needs finished, partial, stale or none, got \"all\"",
        message("--parquet-exports", "all"));
  }

  private static String message(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(args))
        .getMessage();
  }
}
