package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;

/** Exports of generated runs (media STRUCTs, sparse keys, NaN) and historyKeys of mixed keys. */
class GeneratedExportsTest {
  private static final EmulatedDataset DATASET =
      DatasetGenerator.generate(
          GeneratorSpec.defaults(11).withRunsPerProject(8).withHistorySteps(9_000));

  /**
   * "demo" runs 0 and 1 are running and finished (the generator gives runs every state in turn).
   */
  private static EmulatedRun demoRun(int index) {
    return DATASET.projects().get(0).runs().get(index);
  }

  @Test
  void filesHoldTheLiveRowsValueForValue() {
    for (boolean stepAsDouble : List.of(false, true)) {
      try (WandbEmulator emulator =
          WandbEmulator.start(
              EmulatorConfig.defaults()
                  .withExports(ExportMode.PARTIAL)
                  .withExportStepAsDouble(stepAsDouble),
              DATASET)) {
        StorageHttp http = new StorageHttp(emulator);
        EmulatedRun finished = demoRun(1);
        List<String> urls = StorageHttp.urls(http.parquetHistory("demo", finished.name()));
        assertEquals(3, urls.size());
        assertRows(finished.history(), readBack(http, urls, stepAsDouble));

        EmulatedRun running = demoRun(0);
        JsonNode answer = http.parquetHistory("demo", running.name());
        List<ObjectNode> exported = readBack(http, StorageHttp.urls(answer), stepAsDouble);
        int n = running.history().size();
        assertRows(running.history().subList(0, exported.size()), exported);
        assertEquals(Math.max(1, Math.round(n * 0.6)), exported.size());
        JsonNode live = answer.get("liveData");
        assertEquals(n - exported.size() + 1, live.size());
        assertEquals(
            exported.get(exported.size() - 1).get("_step").asDouble(),
            live.get(0).get("_step").doubleValue());
      }
    }
  }

  private static void assertRows(List<ObjectNode> expected, List<ObjectNode> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
    }
  }

  /** The files' rows as logged: columns of a DOUBLE _step compared with the logged long. */
  private static List<ObjectNode> readBack(StorageHttp http, List<String> urls, boolean asDouble) {
    List<ObjectNode> rows = new ArrayList<>();
    for (String url : urls) {
      ParquetContents file = ParquetContents.read(http.get(url));
      assertEquals(
          asDouble ? PrimitiveTypeName.DOUBLE : PrimitiveTypeName.INT64,
          file.schema().getType("_step").asPrimitiveType().getPrimitiveTypeName());
      for (ObjectNode row : file.rows()) {
        ObjectNode logged = row.deepCopy();
        logged.put("_step", row.get("_step").asLong());
        JsonNode examples = logged.get("examples");
        if (examples != null) {
          ObjectNode media = (ObjectNode) examples;
          for (String field : List.of("size", "width", "height")) {
            media.put(field, media.get(field).intValue());
          }
        }
        rows.add(logged);
      }
    }
    rows.sort(Comparator.comparingLong(row -> row.get("_step").asLong()));
    return rows;
  }

  @Test
  void historyKeysListEachTypeOfAMixedKey() {
    List<ObjectNode> rows = ParquetExportWriterTest.rows();
    JsonNode keys = HistoryKeys.of(TestData.run("r", 0, rows)).get("keys");
    assertEquals(
        "[{\"type\":\"number\",\"count\":1},{\"type\":\"string\",\"count\":1},"
            + "{\"type\":\"map\",\"count\":1}]",
        keys.at("/mixed/typeCounts").toString());
    assertEquals("[{\"type\":\"list\",\"count\":1}]", keys.at("/grid/typeCounts").toString());
  }
}
