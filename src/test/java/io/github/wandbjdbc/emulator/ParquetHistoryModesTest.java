package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code parquetHistory} in each export mode, and the files it points to. */
class ParquetHistoryModesTest {

  /** Runs "done" (finished, 9,000 rows), "live" (running, 10), "idle" (running, none), "wait". */
  private static EmulatedDataset dataset() {
    List<ObjectNode> long9k = new ArrayList<>();
    for (int step = 0; step < 9_000; step++) {
      long9k.add(TestData.NODES.objectNode().put("_step", step).put("loss", step / 3.0));
    }
    return TestData.dataset(
        List.of(
            TestData.run("done", 0, long9k),
            TestData.withState(TestData.run("live", 1, TestData.steps(10)), "running"),
            TestData.withState(TestData.run("idle", 2, List.of()), "running"),
            TestData.withState(TestData.run("wait", 3, TestData.steps(3)), "pending")));
  }

  private static WandbEmulator start(ExportMode mode) {
    return WandbEmulator.start(EmulatorConfig.defaults().withExports(mode), dataset());
  }

  private static List<Double> liveSteps(JsonNode parquetHistory) {
    List<Double> steps = new ArrayList<>();
    for (JsonNode row : parquetHistory.get("liveData")) {
      assertTrue(row.get("_step").isDouble(), row.toString());
      steps.add(row.get("_step").doubleValue());
    }
    return steps;
  }

  @Test
  void noneExportsNothing() {
    try (WandbEmulator emulator = start(ExportMode.NONE)) {
      StorageHttp http = new StorageHttp(emulator);
      for (String run : List.of("done", "live", "idle")) {
        JsonNode answer = http.parquetHistory("demo", run);
        assertEquals("{\"parquetUrls\":[],\"liveData\":[]}", answer.toString());
      }
    }
  }

  @Test
  void finishedExportsTerminalRunsWholeAndReadsRunningOnesLive() {
    try (WandbEmulator emulator = start(ExportMode.FINISHED)) {
      StorageHttp http = new StorageHttp(emulator);
      JsonNode done = http.parquetHistory("demo", "done");
      assertEquals(List.of(), liveSteps(done));
      List<ObjectNode> rows = readAll(http, StorageHttp.urls(done));
      assertEquals(3, StorageHttp.urls(done).size());
      assertEquals(9_000, rows.size());
      assertEquals(emulator.dataset().projects().get(0).runs().get(0).history(), rows);

      JsonNode live = http.parquetHistory("demo", "live");
      assertEquals(List.of(), StorageHttp.urls(live));
      assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), liveSteps(live));
      assertEquals("{\"_step\":0.0}", live.get("liveData").get(0).toString());
      assertEquals(
          "{\"parquetUrls\":[],\"liveData\":[]}", http.parquetHistory("demo", "idle").toString());
      assertEquals(List.of(0.0, 1.0, 2.0), liveSteps(http.parquetHistory("demo", "wait")));
      assertEquals(
          "{\"_step\":3.0,\"loss\":0.3}",
          http.parquetHistory("demo", "live", "_step", "loss", "nope")
              .get("liveData")
              .get(3)
              .toString());
    }
  }

  @Test
  void partialExportsRunningRunsUpToABoundaryHeldTwice() {
    try (WandbEmulator emulator = start(ExportMode.PARTIAL)) {
      StorageHttp http = new StorageHttp(emulator);
      JsonNode live = http.parquetHistory("demo", "live");
      List<ObjectNode> exported = readAll(http, StorageHttp.urls(live));
      assertEquals(TestData.steps(6), exported);
      assertEquals(List.of(5.0, 6.0, 7.0, 8.0, 9.0), liveSteps(live));
      assertEquals(List.of(), liveSteps(http.parquetHistory("demo", "done")));
      assertEquals(
          "{\"parquetUrls\":[],\"liveData\":[]}", http.parquetHistory("demo", "idle").toString());
    }
  }

  @Test
  void urlOrderChangesBetweenCallsAndReexportChangesPaths() {
    try (WandbEmulator emulator = start(ExportMode.FINISHED)) {
      StorageHttp http = new StorageHttp(emulator);
      List<String> first = paths(http.parquetHistory("demo", "done"));
      List<String> second = paths(http.parquetHistory("demo", "done"));
      assertNotEquals(first, second);
      assertEquals(new HashSet<>(first), new HashSet<>(second));
      assertTrue(first.contains("/exports/acme/demo/done/g1/0.parquet"), first.toString());
      String oldUrl = StorageHttp.urls(http.parquetHistory("demo", "done")).get(0);

      emulator.reexport("acme", "demo", "done");
      Set<String> third = new HashSet<>(paths(http.parquetHistory("demo", "done")));
      assertEquals(
          Set.of(
              "/exports/acme/demo/done/g2/0.parquet",
              "/exports/acme/demo/done/g2/1.parquet",
              "/exports/acme/demo/done/g2/2.parquet"),
          third);
      assertEquals(404, http.send("GET", oldUrl).statusCode());
      assertThrows(IllegalArgumentException.class, () -> emulator.reexport("acme", "demo", "nope"));
    }
  }

  @Test
  void aReplacedRunGetsANewGeneration() {
    try (WandbEmulator emulator = start(ExportMode.FINISHED)) {
      StorageHttp http = new StorageHttp(emulator);
      EmulatedProject demo = emulator.dataset().projects().get(0);
      assertTrue(paths(http.parquetHistory("demo", "wait")).isEmpty());
      demo.removeRun("wait");
      demo.addRun(TestData.run("wait", 3, TestData.steps(4)));
      JsonNode answer = http.parquetHistory("demo", "wait");
      assertEquals(List.of("/exports/acme/demo/wait/g2/0.parquet"), paths(answer));
      assertEquals(TestData.steps(4), readAll(http, StorageHttp.urls(answer)));
    }
  }

  private static List<String> paths(JsonNode parquetHistory) {
    return StorageHttp.urls(parquetHistory).stream()
        .map(url -> URI.create(url).getRawPath())
        .toList();
  }

  /** Every file's rows, in _step order, as JSON objects typed as the hand-built rows are. */
  static List<ObjectNode> readAll(StorageHttp http, List<String> urls) {
    List<ObjectNode> rows = new ArrayList<>();
    for (String url : urls) {
      ParquetContents file = ParquetContents.read(http.get(url));
      for (ObjectNode row : file.rows()) {
        ObjectNode logged = TestData.NODES.objectNode();
        row.fields()
            .forEachRemaining(
                field ->
                    logged.set(
                        field.getKey(),
                        field.getValue().isLong()
                            ? TestData.NODES.numberNode(field.getValue().intValue())
                            : field.getValue()));
        rows.add(logged);
      }
    }
    rows.sort(Comparator.comparingDouble(row -> row.get("_step").doubleValue()));
    return rows;
  }
}
