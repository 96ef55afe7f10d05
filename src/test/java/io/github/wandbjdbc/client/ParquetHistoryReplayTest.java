package io.github.wandbjdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.ExportMode;
import io.github.wandbjdbc.emulator.FileRequest;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay of the official client's parquet path sends what that client sends (wandb-api.md §2.8,
 * §10), checked against the emulator's recorded requests, and reads every run's rows.
 */
class ParquetHistoryReplayTest {
  private static WandbEmulator emu;
  private static ParquetHistoryReplay replay;

  @BeforeAll
  static void start() {
    emu =
        WandbEmulator.start(
            EmulatorConfig.defaults().withExports(ExportMode.FINISHED),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(7).withRunsPerProject(8).withHistorySteps(5000)));
    replay = new ParquetHistoryReplay(ClientSettings.of(emu.baseUrl(), emu.apiKey()));
  }

  @AfterAll
  static void stop() {
    replay.close();
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.stats().reset();
  }

  private static List<EmulatedRun> runs(String state) {
    return emu.dataset().project("acme", "demo").orElseThrow().runs().stream()
        .filter(run -> run.state().equals(state) && !run.history().isEmpty())
        .toList();
  }

  /** "step=loss" of a run's history, in step order. */
  private static List<String> expected(EmulatedRun run) {
    return run.history().stream()
        .map(row -> row.get("_step").asLong() + "=" + row.get("loss").asDouble())
        .toList();
  }

  /** The replay's rows as "step=loss", in step order (files are read in W&B's URL order). */
  private static List<String> scan(EmulatedRun run, boolean wholeRows) {
    TreeMap<Long, String> rows = new TreeMap<>();
    ParquetHistoryReplay.Rows sink =
        (step, loss) -> assertNull(rows.put(step, step + "=" + loss), "step " + step + " twice");
    if (wholeRows) {
      replay.scanWholeRows("acme", "demo", run.name(), "loss", sink);
    } else {
      replay.scanKey("acme", "demo", run.name(), "loss", sink);
    }
    return new ArrayList<>(rows.values());
  }

  private static List<String> operations() {
    return emu.stats().recorded().stream().map(RecordedRequest::operationName).toList();
  }

  @Test
  void oneKeyOfAnExportedRunIsHeadFooterThenColumnChunksPerPage() {
    EmulatedRun run = runs("finished").get(0);
    assertEquals(expected(run), scan(run, false));

    assertEquals(List.of("RunHistoryKeys", "RunParquetHistory"), operations());
    JsonNode variables = emu.stats().recorded().get(1).variables();
    assertEquals("[\"_step\"]", variables.get("liveKeys").toString());
    assertEquals(run.name(), variables.get("runName").asText());

    List<FileRequest> files = emu.stats().files().recorded();
    assertEquals(0, emu.stats().files().authorizedRequests());
    // 5,000 rows: two files; each opened with HEAD, then a read of its end (the footer).
    assertEquals(2, files.stream().filter(f -> f.method().equals("HEAD")).count());
    for (String path : files.stream().map(FileRequest::path).distinct().toList()) {
      List<FileRequest> ofFile = files.stream().filter(f -> f.path().equals(path)).toList();
      assertEquals("HEAD", ofFile.get(0).method());
      assertTrue(ofFile.get(1).range().startsWith("bytes="), ofFile.get(1).toString());
      ofFile.stream().skip(1).forEach(f -> assertEquals(206, f.status(), f.toString()));
    }
    // Steps skip ahead now and then, so a 1,000-row group spans more than a 1,000-step page and
    // is read again for the next page: more chunk reads than row groups x 2 columns.
    long chunkReads = files.size() - 4;
    assertTrue(chunkReads > 5 * 2, "chunk reads: " + chunkReads);
  }

  @Test
  void wholeRowsOfAnExportedRunDownloadEachFileWhole() {
    EmulatedRun run = runs("finished").get(0);
    assertEquals(expected(run), scan(run, true));

    assertEquals(List.of("RunHistoryKeys", "RunParquetHistory"), operations());
    List<FileRequest> files = emu.stats().files().recorded();
    assertEquals(2, files.size());
    files.forEach(
        f -> {
          assertEquals("GET", f.method());
          assertNull(f.range());
          assertEquals(200, f.status());
        });
  }

  @Test
  void aRunningRunIsReadLiveInPagesOfAThousandSteps() {
    EmulatedRun run = runs("running").get(0);
    assertEquals(expected(run), scan(run, false));
    long lastStep = run.history().get(run.history().size() - 1).get("_step").asLong();
    int pages = (int) (lastStep / 1000 + 1);

    List<String> operations = operations();
    assertEquals(List.of("RunHistoryKeys", "RunParquetHistory"), operations.subList(0, 2));
    assertEquals(pages, operations.size() - 2);
    assertTrue(
        operations.stream().skip(2).allMatch("SampledHistoryPage"::equals), operations.toString());
    JsonNode spec =
        WandbJson.decodeJsonString(
            emu.stats().recorded().get(3).variables().get("spec"), "spec", "test");
    assertEquals(
        "{\"keys\":[\"loss\",\"_step\"],\"maxStep\":1999,\"minStep\":1000,\"samples\":1000}",
        spec.toString());
    assertFalse(emu.stats().files().requests() > 0);

    emu.stats().reset();
    assertEquals(expected(run), scan(run, true));
    assertTrue(operations().stream().skip(2).allMatch("HistoryPage"::equals));
    JsonNode page = emu.stats().recorded().get(2).variables();
    assertEquals(0, page.get("minStep").asLong());
    assertEquals(1000, page.get("maxStep").asLong());
    assertEquals(1000, page.get("pageSize").asLong());
  }
}
