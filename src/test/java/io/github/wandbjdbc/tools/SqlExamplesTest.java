package io.github.wandbjdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.cli.WandbSql;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.ExportMode;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.ValueOrder;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code sql-examples/*.sql} against the demo dataset, with and without pushdown, and
 * compares the CSV that {@code bin/wandb-sql -e} would print with {@code expected/<name>.csv}; each
 * {@code -- expect-request:} line of a file must appear in its EXPLAIN output. A few expected files
 * are also recomputed here straight from the generated runs, without SQL.
 *
 * <p>W&B's placement of nulls, NaN and non-numbers is unverified, so all of it runs under every
 * {@link ValueOrder}, each served by its own emulator over one dataset. The expected files hold
 * under each: what an example pushes to W&B either means the same under every order or is
 * re-checked locally, and the orders leave histories alone. Finished runs' histories are exported,
 * as on W&B's cloud (and in the demo), so history examples read them from parquet files.
 */
class SqlExamplesTest {
  private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "sql-examples");
  private static final String EXPECT_REQUEST = "-- expect-request:";
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** A header line naming connection properties the example needs, e.g. the dialect. */
  private static final String CONNECT = "-- connect:";

  /** One dataset, served by one emulator per value order. */
  private static final Map<ValueOrder, WandbEmulator> EMULATORS = new LinkedHashMap<>();

  @BeforeAll
  static void startEmulators() {
    EmulatedDataset dataset = DatasetGenerator.generate(GeneratorSpec.defaults(42));
    for (ValueOrder values : ValueOrder.all()) {
      EMULATORS.put(
          values,
          WandbEmulator.start(
              EmulatorConfig.defaults().withValueOrder(values).withExports(ExportMode.FINISHED),
              dataset));
    }
  }

  @AfterAll
  static void stopEmulators() {
    EMULATORS.values().forEach(WandbEmulator::close);
  }

  @TestFactory
  Stream<DynamicContainer> everyExampleGivesItsExpectedCsvAndSendsItsClaimedRequest()
      throws IOException {
    List<Path> files = examples();
    return ValueOrder.all().stream()
        .map(
            values ->
                DynamicContainer.dynamicContainer(
                    values.toString(),
                    files.stream()
                        .map(
                            f ->
                                DynamicTest.dynamicTest(
                                    f.getFileName().toString(), () -> check(f, values)))));
  }

  private static List<Path> examples() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(EXAMPLES)) {
      files = listing.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(files.size() >= 12, "examples found: " + files);
    return files;
  }

  private static void check(Path sqlFile, ValueOrder values) throws Exception {
    String sql = Files.readString(sqlFile);
    String name = sqlFile.getFileName().toString().replaceFirst("\\.sql$", "");
    Path expectedFile = EXAMPLES.resolve("expected").resolve(name + ".csv");
    assertTrue(Files.exists(expectedFile), sqlFile + " has no expected result " + expectedFile);
    List<String> expected = Files.readAllLines(expectedFile);
    String url = EMULATORS.get(values).jdbcUrl("demo") + connectProperties(sql);
    assertEquals(expected, csvLines(url, sql), "with pushdown");
    assertEquals(expected, csvLines(url + ";pushdown=false", sql), "with pushdown=false");

    assertTrue(
        sql.contains("-- Pushed to W&B:") && sql.contains("-- Evaluated locally:"),
        "header must say what is pushed and what is evaluated locally");
    List<String> claims =
        sql.lines()
            .filter(l -> l.startsWith(EXPECT_REQUEST))
            .map(l -> l.substring(EXPECT_REQUEST.length()).strip())
            .toList();
    assertTrue(!claims.isEmpty(), "no " + EXPECT_REQUEST + " line");
    String plan = explain(url, sql);
    for (String claim : claims) {
      assertTrue(plan.contains(claim), "EXPLAIN lacks " + claim + ":\n" + plan);
    }
  }

  /** The {@code ;key=value} pairs an example's {@code -- connect:} line asks for, if any. */
  private static String connectProperties(String sql) {
    return sql.lines()
        .filter(l -> l.startsWith(CONNECT))
        .map(l -> ";" + l.substring(CONNECT.length()).strip())
        .findFirst()
        .orElse("");
  }

  private static String explain(String url, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      assertTrue(rs.next(), "EXPLAIN returned no row");
      return rs.getString(1);
    }
  }

  /** What {@code bin/wandb-sql -e} prints. */
  private static List<String> csvLines(String url, String sql) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit =
        WandbSql.execute(
            url,
            sql,
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new PrintStream(errors, true, StandardCharsets.UTF_8));
    assertEquals(0, exit, () -> errors.toString(StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static List<EmulatedRun> demoRuns() {
    return EMULATORS.get(ValueOrder.BSON).dataset().project("acme", "demo").orElseThrow().runs();
  }

  private static List<String> expected(String name) throws IOException {
    return Files.readAllLines(EXAMPLES.resolve("expected").resolve(name + ".csv"));
  }

  private static String time(Instant instant) {
    return instant == null ? "" : SQL_TIMESTAMP.format(instant);
  }

  @Test
  void crashedRunsInTheWindowRecomputed() throws IOException {
    Instant from = Instant.parse("2026-08-01T00:00:00Z");
    Instant to = Instant.parse("2026-10-01T00:00:00Z");
    List<String> lines = new ArrayList<>(List.of("run_id,display_name,created_at,heartbeat_at"));
    demoRuns().stream()
        .filter(r -> "crashed".equals(r.state()))
        .filter(r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(to))
        .sorted(Comparator.comparing(EmulatedRun::createdAt))
        .forEach(
            r ->
                lines.add(
                    String.join(
                        ",",
                        r.name(),
                        r.displayName(),
                        time(r.createdAt()),
                        time(r.heartbeatAt()))));
    assertEquals(lines, expected("02-crashed-runs-in-window"));
  }

  @Test
  void runsPerStateAndFinishedCountRecomputed() throws IOException {
    Map<String, Long> perState = new TreeMap<>();
    demoRuns().forEach(r -> perState.merge(r.state(), 1L, Long::sum));
    List<String> lines = new ArrayList<>(List.of("state,runs"));
    perState.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> lines.add(e.getKey() + "," + e.getValue()));
    assertEquals(lines, expected("03-runs-per-state"));
    assertEquals(
        List.of("finished_runs", String.valueOf(perState.get("finished"))),
        expected("04-count-finished-runs"));
  }

  @Test
  void baselineTaggedRunsRecomputed() throws IOException {
    List<String> lines = new ArrayList<>(List.of("run_id,display_name,tags"));
    demoRuns().stream()
        .filter(r -> r.tags() != null && r.tags().contains("baseline"))
        .sorted(Comparator.comparing(EmulatedRun::name))
        .forEach(
            r -> {
              String json =
                  r.tags().stream()
                      .map(t -> "\"" + t + "\"")
                      .collect(Collectors.joining(",", "[", "]"));
              lines.add(
                  r.name() + "," + r.displayName() + ",\"" + json.replace("\"", "\"\"") + "\"");
            });
    assertEquals(lines, expected("06-runs-tagged-baseline"));
  }

  @Test
  void newestRunsRecomputed() throws IOException {
    List<String> lines = new ArrayList<>(List.of("run_id,display_name,state,created_at"));
    demoRuns().stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).reversed())
        .limit(5)
        .forEach(
            r ->
                lines.add(
                    String.join(",", r.name(), r.displayName(), r.state(), time(r.createdAt()))));
    assertEquals(lines, expected("09-newest-runs"));
  }

  @Test
  void accuracyPerOptimizerRecomputed() throws IOException {
    Map<String, List<EmulatedRun>> perOptimizer = new TreeMap<>();
    demoRuns()
        .forEach(
            r ->
                perOptimizer
                    .computeIfAbsent(
                        r.config().get("optimizer").get("value").asText(), k -> new ArrayList<>())
                    .add(r));
    List<String> lines = new ArrayList<>(List.of("optimizer,runs,with_acc,mean_acc"));
    perOptimizer.forEach(
        (optimizer, runs) -> {
          double[] accs =
              runs.stream()
                  .filter(r -> r.summary().has("acc"))
                  .mapToDouble(r -> r.summary().get("acc").asDouble())
                  .toArray();
          double mean = Arrays.stream(accs).average().orElseThrow();
          lines.add(
              optimizer
                  + ","
                  + runs.size()
                  + ","
                  + accs.length
                  + ","
                  + Math.round(mean * 10_000) / 10_000.0);
        });
    assertEquals(lines, expected("12-accuracy-per-optimizer"));
  }
}
