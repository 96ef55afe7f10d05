package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code java -jar <driver jar> --serve-pg}: the shaded jar serves PG clients (here pgJDBC). */
class DriverJarServePgIT {
  private static final Pattern URI =
      Pattern.compile("postgresql://wandb@127\\.0\\.0\\.1:(\\d+)/(\\w+)");
  private static final String SQL = "SELECT run_id, state FROM runs ORDER BY run_id LIMIT 5";
  private static WandbEmulator emulator;

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

  private static List<String> rows(Connection connection) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "," + rs.getString(2));
      }
    }
    return rows;
  }

  @Test
  void itsFirstLineIsALibpqUriThatPgJdbcConnectsTo() throws Exception {
    String url = emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), "");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                DriverJar.path().toString(),
                "--serve-pg",
                "--port",
                "0",
                "--url",
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(120, TimeUnit.SECONDS);
      Matcher uri = URI.matcher(first);
      assertTrue(uri.matches(), first);
      assertEquals(emulator.dataset().entity(), uri.group(2));
      assertFalse(first.contains(emulator.apiKey()));
      List<String> expected;
      try (Connection direct = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
        expected = rows(direct);
      }
      try (Connection pg =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + uri.group(1) + "/" + uri.group(2),
              "wandb",
              emulator.apiKey())) {
        assertEquals(expected, rows(pg));
      }
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
