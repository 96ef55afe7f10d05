package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar} on the built jar, in a process of its own, against the emulator. */
class DriverJarCommandLineIT {
  private static final String SQL =
      "SELECT run_id, state FROM runs ORDER BY created_at, run_id LIMIT 5";
  private static WandbEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(17)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void dashEPrintsTheRowsAsCsvWithAHeader() throws Exception {
    Result result = javaJar("", "--url", emulator.jdbcUrl("demo"), "-e", SQL);
    assertEquals(0, result.exit(), result.err());
    assertEquals(expectedCsv(), result.out().lines().toList());
    assertEquals("", result.err(), "slf4j's and jline's warnings stay quiet");
  }

  @Test
  void withoutDashETheShellReadsStatementsFromPipedStdin() throws Exception {
    Result result = javaJar(SQL + ";\n!quit\n", "--url", emulator.jdbcUrl("demo"));
    assertEquals(0, result.exit(), result.err());
    // Without a terminal the shell prints what -e prints.
    assertEquals(expectedCsv(), result.out().lines().toList());
    assertFalse(result.out().contains(emulator.apiKey()), "the prompt shows the key");
  }

  @Test
  void aBadUrlExitsOneWithTheReasonAndNeverTheKey() throws Exception {
    Result result =
        javaJar("", "--url", emulator.jdbcUrl("demo") + ";no-equals-sign", "-e", "SELECT 1");
    assertEquals(1, result.exit());
    assertTrue(
        result.err().contains("error: URL segment 5 is not of the form key=value"), result.err());
    assertEquals("", result.out());
    assertFalse(result.err().contains(emulator.apiKey()), result.err());
  }

  private static List<String> expectedCsv() {
    List<String> lines = new ArrayList<>(List.of("run_id,state"));
    emulator.dataset().project(emulator.dataset().entity(), "demo").orElseThrow().runs().stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name))
        .limit(5)
        .forEach(r -> lines.add(r.name() + "," + r.state()));
    return lines;
  }

  private record Result(int exit, String out, String err) {}

  /** Runs {@code java -jar <driver jar> args} with {@code stdin} as its input. */
  private Result javaJar(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                DriverJar.path().toString()));
    command.addAll(List.of(args));
    Path in = Files.writeString(dir.resolve("stdin"), stdin);
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // Whatever the shell keeps (its history) goes to the test's directory, never the user's home.
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("java -jar still running after 180 s: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
