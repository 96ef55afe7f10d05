package io.github.wandbjdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WandbClient#histories} against the emulator, which answers at most {@link #CAP} rows a
 * list, so that long windows come back sampled and must be split: the rows, the requests sent,
 * laziness and stopping.
 */
class WandbClientHistoriesTest {
  private static final String ENTITY = "acme";
  private static final String DEMO = "demo";
  private static final int RUNS = 6;
  private static final int CAP = 300;

  private static WandbEmulator emu;
  private static WandbClient client;

  @BeforeAll
  static void start() {
    emu =
        WandbEmulator.start(
            EmulatorConfig.defaults().withMaxHistorySamples(CAP),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(7).withRunsPerProject(RUNS).withHistorySteps(1500)));
    client =
        new WandbClient(
            new ClientSettings(
                emu.baseUrl(),
                emu.apiKey(),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(5),
                Duration.ofMillis(50),
                false));
  }

  @AfterAll
  static void stop() {
    client.close();
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.beforeEachRequest(null);
    emu.stats().reset();
  }

  @Test
  void exactWholeRowsAreEveryStoredRowAndSampledAnswersAreSplit() {
    Map<String, List<String>> read = readByRun(query(HistoryQuery.Kind.EXACT, null, null, 1));

    Map<String, List<String>> stored = new TreeMap<>();
    for (EmulatedRun run : runs()) {
      if (!run.history().isEmpty()) {
        stored.put(run.name(), run.history().stream().map(ObjectNode::toString).toList());
      }
    }
    assertEquals(stored, read);
    Map<String, Long> operations = emu.stats().operations();
    assertEquals(Map.of("HistoryBatch", operations.get("HistoryBatch"), "Runs", 1L), operations);
    // Whole windows of 1,000 rows come back capped at 300, so at least one re-read follows.
    assertTrue(operations.get("HistoryBatch") > 1, operations.toString());
  }

  @Test
  void keysAreReadAsOneSpecEachAndMergedByStep() {
    List<String> keys = List.of("loss", "acc");
    Map<String, List<String>> read = readByRun(query(HistoryQuery.Kind.EXACT, keys, null, 4));

    Map<String, List<String>> expected = new TreeMap<>();
    for (EmulatedRun run : runs()) {
      List<String> rows = new ArrayList<>();
      for (ObjectNode row : run.history()) {
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        projected.set("_step", row.get("_step"));
        keys.stream().filter(row::has).forEach(key -> projected.set(key, row.get(key)));
        rows.add(projected.toString());
      }
      if (!rows.isEmpty()) {
        expected.put(run.name(), rows);
      }
    }
    assertEquals(expected, read);
    assertTrue(
        emu.stats().recorded().stream()
            .filter(r -> r.operationName().equals("HistoryBatch"))
            .allMatch(r -> r.query().contains("sampledHistory(specs: $s0)")));
  }

  @Test
  void orderedReadsComeRunByRunInNameOrderThenStepByStep() {
    HistoryQuery ordered =
        withGoal(query(HistoryQuery.Kind.EXACT, List.of("loss"), null, 4), 100, true);
    List<String> order = new ArrayList<>();
    try (HistoryRowIterator rows = client.histories(ordered)) {
      rows.forEachRemaining(
          row ->
              order.add(String.format("%s %09d", row.run(), row.values().get("_step").asLong())));
    }
    List<String> sorted = new ArrayList<>(order);
    sorted.sort(Comparator.naturalOrder());
    assertEquals(sorted, order);
    assertEquals(
        readByRun(query(HistoryQuery.Kind.EXACT, List.of("loss"), null, 4)), readByRun(ordered));
  }

  @Test
  void aReaderThatTakesItsFirstPageAndStopsCostsOneRequest() {
    HistoryQuery firstPage = withGoal(query(HistoryQuery.Kind.EXACT, null, null, 8), 100, false);
    try (HistoryRowIterator rows = client.histories(firstPage)) {
      for (int i = 0; i < 100; i++) {
        rows.next();
      }
    }
    assertEquals(1L, emu.stats().operations().get("HistoryBatch"));
  }

  @Test
  void systemMetricsOfTheFilteredRunsOnly() {
    EmulatedRun run = runs().get(RUNS - 1);
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter.putObject("name").putArray("$in").add(run.name());

    Map<String, List<String>> read = readByRun(query(HistoryQuery.Kind.SYSTEM, null, filter, 2));

    assertEquals(
        Map.of(run.name(), run.events().stream().map(ObjectNode::toString).toList()), read);
    assertEquals(Map.of("HistoryBatch", 1L, "Runs", 1L), emu.stats().operations());
  }

  @Test
  void aSystemStreamWandbWouldOnlySampleFailsTheRead() {
    try (WandbEmulator capped =
            WandbEmulator.start(EmulatorConfig.defaults().withMaxHistorySamples(5), emu.dataset());
        WandbClient cappedClient =
            new WandbClient(ClientSettings.of(capped.baseUrl(), capped.apiKey()));
        HistoryRowIterator rows =
            cappedClient.histories(query(HistoryQuery.Kind.SYSTEM, null, null, 1))) {
      WandbInexactException e =
          assertThrows(WandbInexactException.class, () -> rows.forEachRemaining(row -> {}));
      assertEquals("HistoryBatch", e.operation());
      assertTrue(e.getMessage().contains("system-metric rows of run"), e.getMessage());
    }
  }

  @Test
  void nothingIsSentBeforeTheFirstRowIsAskedFor() {
    HistoryRowIterator rows = client.histories(query(HistoryQuery.Kind.EXACT, null, null, 4));
    assertEquals(0, emu.stats().requests());
    rows.close();
    assertThrows(IllegalStateException.class, rows::hasNext);
    assertEquals(0, emu.stats().requests());
    assertEquals(0, workers());
  }

  @Test
  void closeMidStreamStopsTheWorkersAndTheirRequests() throws Exception {
    emu.beforeEachRequest(
        request -> sleep(request.operationName().equals("HistoryBatch") ? 300 : 0));
    HistoryRowIterator rows = client.histories(query(HistoryQuery.Kind.EXACT, null, null, 4));
    assertTrue(rows.hasNext());
    rows.next();
    assertTrue(workers() > 0, "no worker is reading ahead");

    rows.close();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (workers() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, workers(), "history worker threads still alive");
    long sent = emu.stats().requests();
    Thread.sleep(500);
    assertEquals(sent, emu.stats().requests(), "requests went on after close()");
    assertThrows(IllegalStateException.class, rows::hasNext);
  }

  @Test
  void awaitTimesOutWhileTheAnswerIsSlow() throws Exception {
    emu.beforeEachRequest(request -> sleep(400));
    try (HistoryRowIterator rows =
        client.histories(query(HistoryQuery.Kind.SAMPLED, null, null, 1))) {
      assertFalse(rows.await(50));
      assertTrue(rows.await(TimeUnit.SECONDS.toMillis(5)));
      assertTrue(rows.hasNext());
    }
  }

  private static HistoryQuery query(
      HistoryQuery.Kind kind, List<String> keys, ObjectNode filter, int concurrency) {
    return new HistoryQuery(
        ENTITY,
        DEMO,
        kind,
        keys,
        List.of(),
        50,
        0,
        Long.MAX_VALUE,
        filter,
        50,
        concurrency,
        0,
        false,
        false); // the live path: these tests count its requests
  }

  private static HistoryQuery withGoal(HistoryQuery q, long rowGoal, boolean ordered) {
    return new HistoryQuery(
        q.entity(),
        q.project(),
        q.kind(),
        q.keys(),
        q.requiredKeys(),
        q.samples(),
        q.minStep(),
        q.endStep(),
        q.runFilter(),
        q.pageSize(),
        q.concurrency(),
        rowGoal,
        ordered,
        q.exports());
  }

  /** Every row read, as JSON text, by run and in step order. */
  private static Map<String, List<String>> readByRun(HistoryQuery query) {
    Map<String, List<ObjectNode>> byRun = new TreeMap<>();
    try (HistoryRowIterator rows = client.histories(query)) {
      rows.forEachRemaining(
          row -> byRun.computeIfAbsent(row.run(), run -> new ArrayList<>()).add(row.values()));
    }
    Map<String, List<String>> text = new TreeMap<>();
    Comparator<ObjectNode> byStep =
        Comparator.comparingDouble(
            row -> row.path("_step").asDouble(row.path("_runtime").asDouble()));
    byRun.forEach(
        (run, list) ->
            text.put(run, list.stream().sorted(byStep).map(ObjectNode::toString).toList()));
    return text;
  }

  private static List<EmulatedRun> runs() {
    return emu.dataset().project(ENTITY, DEMO).orElseThrow().runs();
  }

  private static long workers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("wandb-jdbc-history-") && t.isAlive())
        .count();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
