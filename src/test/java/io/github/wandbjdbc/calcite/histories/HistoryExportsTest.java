package io.github.wandbjdbc.calcite.histories;

import static io.github.wandbjdbc.calcite.histories.HistoryFixture.explain;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.ExportMode;
import io.github.wandbjdbc.emulator.FileFault;
import io.github.wandbjdbc.emulator.FileRequest;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.HandBuiltRun;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histories read through W&B's parquet exports give the rows of the live path, value for value,
 * over every export shape the emulator makes; cost few GraphQL requests; never send credentials to
 * the storage host; and survive its faults by asking again or reading live.
 */
class HistoryExportsTest {
  /** 9,000 steps make three files per run, each of row groups of 1,000 rows. */
  private static final EmulatedDataset DATA =
      DatasetGenerator.generate(
          GeneratorSpec.defaults(21).withRunsPerProject(8).withHistorySteps(9000));

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private static final List<String> QUERIES =
      List.of(
          "SELECT * FROM histories",
          "SELECT run_id, _step, loss, val_acc, phase FROM histories",
          "SELECT run_id, _step, val_loss FROM histories WHERE val_loss IS NOT NULL",
          "SELECT run_id, _step, loss, \"row\" FROM histories WHERE _step BETWEEN 2500 AND 6100",
          "SELECT h.run_id, h._step, h.loss FROM runs r JOIN histories h ON h.run_id = r.run_id"
              + " WHERE r.state IN ('finished', 'running')",
          "SELECT run_id, COUNT(*), MIN(_step), MAX(_step), SUM(loss) FROM histories"
              + " GROUP BY run_id");

  private static WandbEmulator start(EmulatorConfig config) {
    return WandbEmulator.start(config, DATA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FINISHED", "PARTIAL", "FLOAT_STEP", "PARTIAL_CAPPED", "STALE"})
  void exportedRowsEqualLiveRows(String shape) throws Exception {
    ExportMode mode =
        shape.startsWith("PARTIAL")
            ? ExportMode.PARTIAL
            : shape.equals("STALE") ? ExportMode.STALE : ExportMode.FINISHED;
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withExports(mode)
            .withExportStepAsDouble(shape.equals("FLOAT_STEP"))
            // W&B's undisclosed cap on samples: the live tails are split and re-read under it.
            .withMaxHistorySamples(shape.endsWith("CAPPED") ? 300 : 10_000);
    try (WandbEmulator emulator = start(config)) {
      String url = emulator.jdbcUrl("demo");
      for (String sql : QUERIES) {
        emulator.stats().reset();
        List<List<Object>> exported = sorted(query(url, sql));
        assertTrue(emulator.stats().files().requests() > 0, "no file was read for " + sql);
        assertEquals(0, emulator.stats().files().authorizedRequests(), "credentials sent");
        assertSameRows(sorted(query(url + ";exports=false", sql)), exported, sql);
      }
    }
  }

  /**
   * Every value shape a history holds, in runs written by hand: sparse keys, NaN and ±Infinity,
   * strings, booleans, integers, a histogram and a nested dict (STRUCT columns), a list, names with
   * {@code /} and {@code .}; and a run whose key W&B logged with two types, which the driver reads
   * live. JSON columns must come out as the same text.
   */
  @Test
  void everyValueShapeMapsBackExactly() throws Exception {
    EmulatedRun shapes =
        HandBuiltRun.run("shapes")
            .state("finished")
            .heartbeatAt("2026-01-01T01:00:00Z")
            .historyRow(
                "{'_step': 0, '_runtime': 1.5, '_timestamp': 1767225600.25, 'loss': 0.5,"
                    + " 'train/loss': 0.4, 'eval.acc': 0.9, 'phase': 'train', 'done': false,"
                    + " 'n': 3, 'hist': {'_type': 'histogram', 'bins': [0.0, 0.5, 1.0],"
                    + " 'values': [1, 2]}, 'cfg': {'a': 1, 'b': {'c': 'x'}}, 'tags': ['a', 'b']}")
            .historyRow("{'_step': 3, '_runtime': 2.5, 'loss': NaN, 'phase': 'eval', 'n': 4}")
            .historyRow(
                "{'_step': 7, 'loss': Infinity, 'train/loss': -Infinity, 'cfg': {'a': 2},"
                    + " 'done': true, 'hist': {'_type': 'histogram', 'bins': [1.5],"
                    + " 'values': [7]}}")
            .historyRow("{'_step': 8, 'sparse': 1.25}")
            .build();
    EmulatedRun mixed =
        HandBuiltRun.run("mixed")
            .state("finished")
            .heartbeatAt("2026-01-01T01:00:00Z")
            .historyRow("{'_step': 0, 'm': 1.5, 'loss': 0.1}")
            .historyRow("{'_step': 1, 'm': 'one', 'loss': 0.2}")
            .build();
    EmulatedDataset handBuilt =
        new EmulatedDataset(
            "acme",
            "alice",
            List.of(
                new EmulatedProject(
                    "acme",
                    "demo",
                    Instant.parse("2026-01-01T00:00:00Z"),
                    List.of(shapes, mixed))));
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withExports(ExportMode.FINISHED), handBuilt)) {
      String url = emulator.jdbcUrl("demo");
      String columns =
          "SELECT run_id, _step, _runtime, loss, \"train/loss\", \"eval.acc\", phase, done, n,"
              + " hist, cfg, tags, sparse, m FROM histories ORDER BY run_id, _step";
      emulator.stats().reset();
      List<List<Object>> exported = query(url, columns);
      assertEquals(List.of("mixed"), runsReadLive(emulator));
      assertEquals(query(url + ";exports=false", columns), exported);
      assertTrue(
          emulator.stats().files().recorded().stream()
              .anyMatch(request -> request.path().contains("/shapes/")));
      String rows = "SELECT run_id, _step, \"row\" FROM histories ORDER BY run_id, _step";
      assertSameRows(query(url + ";exports=false", rows), query(url, rows), rows);
    }
  }

  @Test
  void aCountOverFinishedRunsCostsAFewGraphQlRequests() throws Exception {
    EmulatedDataset many =
        DatasetGenerator.generate(
            GeneratorSpec.defaults(5).withRunsPerProject(100).withHistorySteps(300));
    try (WandbEmulator emulator =
        WandbEmulator.start(EmulatorConfig.defaults().withExports(ExportMode.FINISHED), many)) {
      String url = emulator.jdbcUrl("demo") + ";pageSize=1000";
      String sql = "SELECT COUNT(*) FROM histories WHERE loss IS NOT NULL";
      assertTrue(explain(url, sql).contains("exports=[W&B's parquet files"), explain(url, sql));
      emulator.stats().reset();
      Object count = query(url, sql).get(0).get(0);
      Set<String> running =
          emulator
              .dataset()
              .project(emulator.dataset().entity(), "demo")
              .orElseThrow()
              .runs()
              .stream()
              .filter(run -> run.state().equals("running"))
              .map(EmulatedRun::name)
              .collect(Collectors.toSet());
      long lookups =
          emulator.stats().recorded().stream()
              .filter(request -> request.query().contains("parquetHistory"))
              .count();
      assertTrue(running.containsAll(runsReadLive(emulator)), "a finished run was read live");
      assertEquals(1, lookups, "one question for the exports of all 100 runs");
      assertEquals(0, emulator.stats().files().authorizedRequests());
      assertEquals(query(url + ";exports=false", sql).get(0).get(0), count);
    }
  }

  @Test
  void eachFileIsOpenedOnceAndOnlyTheNeededColumnsAndRowGroupsAreFetched() throws Exception {
    try (WandbEmulator emulator =
        start(EmulatorConfig.defaults().withExports(ExportMode.FINISHED))) {
      String url = emulator.jdbcUrl("demo");
      emulator.stats().reset();
      query(url, "SELECT * FROM histories");
      Map<String, Long> wholeRows = bytesByFile(emulator);
      emulator.stats().reset();
      query(url, "SELECT run_id, _step, loss FROM histories");
      Map<String, Long> oneKey = bytesByFile(emulator);
      assertEquals(wholeRows.keySet(), oneKey.keySet());
      oneKey.forEach(
          (path, bytes) ->
              assertTrue(
                  bytes < wholeRows.get(path),
                  path + ": " + bytes + " bytes for one key, " + wholeRows.get(path) + " for all"));
      long oneKeyTotal = oneKey.values().stream().mapToLong(Long::longValue).sum();
      long wholeTotal = wholeRows.values().stream().mapToLong(Long::longValue).sum();
      assertTrue(oneKeyTotal * 2 < wholeTotal, oneKeyTotal + " bytes for one key of " + wholeTotal);
      emulator.stats().reset();
      query(url, "SELECT run_id, _step, loss FROM histories WHERE _step < 1000");
      long firstRowGroups = emulator.stats().files().bytesSent();
      long allRowGroups = oneKey.values().stream().mapToLong(Long::longValue).sum();
      assertTrue(
          firstRowGroups * 2 < allRowGroups,
          "_step < 1000 fetched " + firstRowGroups + " bytes, every step " + allRowGroups);
      Map<String, Integer> opened = new HashMap<>();
      for (FileRequest request : emulator.stats().files().recorded()) {
        assertTrue(request.range() != null, "a whole file was downloaded: " + request);
        if (request.range().startsWith("bytes=-")) {
          opened.merge(request.path(), 1, Integer::sum);
        }
      }
      assertFalse(opened.isEmpty());
      opened.forEach((path, times) -> assertEquals(1, times, path + " opened " + times + "x"));
    }
  }

  @Test
  void fileFaultsAreRetriedOrReadLiveAndNeverChangeTheRows() throws Exception {
    try (WandbEmulator emulator =
        start(EmulatorConfig.defaults().withExports(ExportMode.FINISHED))) {
      String url = emulator.jdbcUrl("demo") + ";retryBackoffMs=1";
      String sql = "SELECT run_id, _step, loss, acc FROM histories";
      List<List<Object>> live = sorted(query(url + ";exports=false", sql));

      emulator.fileFaults().failNext(2, FileFault.status(503));
      emulator.fileFaults().enqueue(FileFault.truncated());
      assertSameRows(live, sorted(query(url, sql)), "after 503s and a truncated body");

      emulator.stats().reset();
      emulator.fileFaults().enqueue(FileFault.expiredUrl());
      assertSameRows(live, sorted(query(url, sql)), "after an expired URL");
      assertTrue(asksForExports(emulator) >= 2, "fresh URLs were not asked for");

      emulator.stats().reset();
      emulator.fileFaults().failNext(10_000, FileFault.expiredUrl());
      assertSameRows(live, sorted(query(url, sql)), "with every URL refused");
      assertTrue(emulator.stats().operations().getOrDefault("HistoryBatch", 0L) > 8);
      emulator.fileFaults().clear();
    }
  }

  @Test
  void aCancelDuringADownloadStopsWithinASecond() throws Exception {
    try (WandbEmulator emulator =
            start(
                EmulatorConfig.defaults()
                    .withExports(ExportMode.FINISHED)
                    .withFileLatencyMs(20_000));
        Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
        Statement statement = connection.createStatement()) {
      CompletableFuture<Long> stopped =
          CompletableFuture.supplyAsync(
              () -> {
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM histories")) {
                  rows.next();
                } catch (SQLException expected) {
                  // cancelled
                }
                return System.nanoTime() - start;
              });
      while (emulator.stats().files().requests() == 0 && !stopped.isDone()) {
        Thread.sleep(20);
      }
      Thread.sleep(200);
      long cancelledAt = System.nanoTime();
      statement.cancel();
      stopped.get(5, TimeUnit.SECONDS);
      long afterCancel = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
      assertTrue(afterCancel < 1000, "stopped " + afterCancel + " ms after cancel");
    }
  }

  @Test
  void cachedExportedRunsCostNoDownloadsAndNoHistoryRequests(@TempDir Path cacheDir)
      throws Exception {
    try (WandbEmulator emulator =
        start(EmulatorConfig.defaults().withExports(ExportMode.FINISHED))) {
      String url = emulator.jdbcUrl("demo") + ";cache=true;cacheDir=" + cacheDir;
      String sql =
          "SELECT h.run_id, h._step, h.loss FROM runs r JOIN histories h ON h.run_id = r.run_id"
              + " WHERE r.state = 'finished'";
      List<List<Object>> first = sorted(query(url, sql));
      assertTrue(emulator.stats().files().requests() > 0);
      emulator.stats().reset();
      assertEquals(first, sorted(query(url, sql)));
      assertEquals(0, emulator.stats().files().requests());
      assertEquals(0, emulator.stats().operations().getOrDefault("HistoryBatch", 0L));
      assertSameRows(sorted(query(emulator.jdbcUrl("demo") + ";exports=false", sql)), first, sql);
    }
  }

  /** The runs named by live history reads (not by questions for exports), in order, once each. */
  private static List<String> runsReadLive(WandbEmulator emulator) {
    Set<String> runs = new LinkedHashSet<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if (request.operationName().equals("HistoryBatch")
          && !request.query().contains("parquetHistory")) {
        request
            .variables()
            .fields()
            .forEachRemaining(
                variable -> {
                  if (variable.getKey().matches("r\\d+")) {
                    runs.add(variable.getValue().asText());
                  }
                });
      }
    }
    return List.copyOf(runs);
  }

  private static Map<String, Long> bytesByFile(WandbEmulator emulator) {
    Map<String, Long> bytes = new HashMap<>();
    emulator.stats().files().recorded().forEach(r -> bytes.merge(r.path(), r.bytes(), Long::sum));
    return bytes;
  }

  private static long asksForExports(WandbEmulator emulator) {
    return emulator.stats().recorded().stream()
        .filter(request -> request.query().contains("parquetHistory"))
        .count();
  }

  /** Rows in a stable order: by their columns' text, so any query's rows can be compared. */
  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }

  /**
   * Equal rows; a JSON text column ({@code row}) equal as JSON, whose members may come in another
   * order: a file's columns are in one order for every row.
   */
  private static void assertSameRows(
      List<List<Object>> live, List<List<Object>> exported, String sql) throws Exception {
    assertEquals(live.size(), exported.size(), sql);
    for (int i = 0; i < live.size(); i++) {
      List<Object> expected = live.get(i);
      List<Object> actual = exported.get(i);
      assertEquals(expected.size(), actual.size(), sql);
      for (int c = 0; c < expected.size(); c++) {
        Object e = expected.get(c);
        Object a = actual.get(c);
        if (e instanceof String text && text.startsWith("{")) {
          assertEquals(tree(text), tree((String) a), sql + ", row " + i);
        } else {
          assertEquals(e, a, sql + ", row " + i + ", column " + (c + 1));
        }
      }
    }
  }

  private static JsonNode tree(String text) throws Exception {
    return JSON.readTree(text);
  }
}
