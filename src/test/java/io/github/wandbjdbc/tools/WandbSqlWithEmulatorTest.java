package io.github.wandbjdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WandbSqlWithEmulatorTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return WandbSqlWithEmulator.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void demoPrintsCsvWithAHeaderRow() throws Exception {
    assertEquals(
        0,
        run("--demo", "-e", "SELECT run_id, display_name FROM runs ORDER BY created_at LIMIT 3"));
    List<EmulatedRun> runs =
        DatasetGenerator.generate(GeneratorSpec.defaults(42))
            .project("acme", "demo")
            .orElseThrow()
            .runs()
            .stream()
            .sorted(Comparator.comparing(EmulatedRun::createdAt))
            .limit(3)
            .toList();
    List<String> expected = new java.util.ArrayList<>(List.of("run_id,display_name"));
    runs.forEach(r -> expected.add(r.name() + "," + r.displayName()));
    assertEquals(expected, outLines());
  }

  @Test
  void servePrintsAJdbcUrlThatConnectsAndStopsWhenInterrupted() throws Exception {
    java.util.concurrent.atomic.AtomicInteger exit =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    Thread server =
        new Thread(
            () -> {
              try {
                exit.set(run("--serve", "--port", "0"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "wandb-sql-serve");
    server.start();
    String printed = null;
    for (long deadline = System.nanoTime() + 60_000_000_000L; printed == null; Thread.sleep(50)) {
      assertTrue(System.nanoTime() < deadline, "no JDBC URL printed: " + outLines());
      printed =
          outLines().stream()
              .filter(line -> line.startsWith("jdbc:wandb:"))
              .findFirst()
              .orElse(null);
    }
    String url = printed;
    assertTrue(
        outLines().get(0).startsWith("W&B emulator serving entity 'acme'"), outLines().get(0));
    int demoRuns =
        DatasetGenerator.generate(GeneratorSpec.defaults(42))
            .project("acme", "demo")
            .orElseThrow()
            .runs()
            .size();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM runs")) {
      assertTrue(rs.next());
      assertEquals(demoRuns, rs.getInt(1));
    }
    server.interrupt();
    server.join(3_000);
    assertFalse(server.isAlive(), "still serving after the interrupt");
    assertEquals(0, exit.get());
    // Stopped: the port no longer answers.
    assertThrows(java.sql.SQLException.class, () -> java.sql.DriverManager.getConnection(url));
  }

  @Test
  void badArgumentsExitTwoWithUsage() throws Exception {
    assertEquals(2, run("--demo", "--url", "jdbc:wandb:"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("give exactly one of --demo and --url"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: bin/wandb-sql"));
    assertEquals(2, run("--demo", "-e"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("-e needs a value"));
    assertEquals(2, run("--serve", "--port", "http"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("--port needs a number from 0 to 65535, got http"));
    assertEquals(2, run("--serve", "--demo"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--serve takes only --port"));
    assertEquals(2, run("--demo", "--port", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port goes with --serve"));
  }

  @Test
  void servePgDemoPrintsAUriAndTheDemoKeyThenServesPgClients() throws Exception {
    Thread server =
        new Thread(
            () -> {
              try {
                run("--serve-pg", "--demo", "--port", "0");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    server.start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (outLines().size() < 3) {
        assertTrue(System.nanoTime() < deadline, "no start-up lines: " + outLines());
        Thread.sleep(50);
      }
      java.util.regex.Matcher uri =
          java.util.regex.Pattern.compile("postgresql://wandb@127\\.0\\.0\\.1:(\\d+)/acme")
              .matcher(outLines().get(0));
      assertTrue(uri.matches(), outLines().get(0));
      String key =
          outLines().get(1).replaceFirst("^password \\(the demo emulator's API key\\): ", "");
      try (java.sql.Connection pg =
              java.sql.DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:" + uri.group(1) + "/acme", "wandb", key);
          java.sql.Statement s = pg.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
        assertTrue(rs.next());
        assertEquals(
            DatasetGenerator.generate(GeneratorSpec.defaults(42))
                .project("acme", "demo")
                .orElseThrow()
                .runs()
                .size(),
            rs.getLong(1));
      }
    } finally {
      server.interrupt();
      server.join(30_000);
    }
    assertFalse(server.isAlive(), "--serve-pg stops when interrupted");
  }
}
