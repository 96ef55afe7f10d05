package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDBC program with only the driver jar on its class path connects and queries without a word on
 * stderr: no slf4j "StaticLoggerBinder" warnings, which a host without an slf4j binding would
 * otherwise see at its first connection.
 */
class DriverJarQuietIT {
  /** Run with Java's source launcher: a plain JDBC user of the jar. */
  private static final String PROGRAM =
      String.join(
          "\n",
          "import java.sql.*;",
          "public class Query {",
          "  public static void main(String[] args) throws Exception {",
          "    try (Connection c = DriverManager.getConnection(args[0]);",
          "        ResultSet rs = c.createStatement().executeQuery(\"SELECT COUNT(*) FROM runs\")) {",
          "      rs.next();",
          "      System.out.println(rs.getLong(1));",
          "    }",
          "  }",
          "}");

  @TempDir Path dir;

  @Test
  void connectingAndQueryingPrintsNothingOnStderr() throws Exception {
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(3).withRunsPerProject(4)))) {
      Path source = Files.writeString(dir.resolve("Query.java"), PROGRAM);
      Path out = dir.resolve("stdout");
      Path err = dir.resolve("stderr");
      Process process =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      DriverJar.path().toString(),
                      source.toString(),
                      emulator.jdbcUrl("demo")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the JDBC program still runs after 180 s");
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), stderr);
      assertEquals("4", Files.readString(out, StandardCharsets.UTF_8).strip());
      assertEquals("", stderr);
    }
  }
}
