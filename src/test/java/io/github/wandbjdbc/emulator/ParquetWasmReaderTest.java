package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An independent reader: arrow-rs's parquet reader (npm parquet-wasm, installed by bin/run-tests
 * into src/test/node) reads the exports through the storage server with a HEAD and range reads, as
 * the official client's arrow-rs/Go reader does.
 */
class ParquetWasmReaderTest {
  private static final Path NODE_DIR = Path.of(System.getProperty("basedir", "."), "src/test/node");

  @Test
  void arrowRsReadsTheExports() throws Exception {
    assertTrue(
        Files.isDirectory(NODE_DIR.resolve("node_modules/parquet-wasm")),
        "npm parquet-wasm is missing: run `npm ci --prefix src/test/node` (bin/run-tests does)");
    List<ObjectNode> long9k = new ArrayList<>();
    for (int step = 0; step < 9_000; step++) {
      long9k.add(TestData.NODES.objectNode().put("_step", step).put("train/loss", step / 3.0));
    }
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withExports(ExportMode.FINISHED),
            TestData.dataset(
                List.of(
                    TestData.run("shapes", 0, ParquetExportWriterTest.rows()),
                    TestData.run("long", 1, long9k))))) {
      StorageHttp http = new StorageHttp(emulator);
      List<String> urls = new ArrayList<>(StorageHttp.urls(http.parquetHistory("demo", "shapes")));
      urls.addAll(StorageHttp.urls(http.parquetHistory("demo", "long")));
      emulator.stats().reset();

      JsonNode files = node(urls);
      JsonNode shapes = files.get(0);
      assertEquals(3, shapes.get("rows").asInt());
      Map<String, String> types = new LinkedHashMap<>();
      shapes.get("columns").forEach(c -> types.put(c.get("name").asText(), c.get("type").asText()));
      assertEquals(
          List.of(
              "_step",
              "_runtime",
              "_timestamp",
              "train/loss",
              "eval.f1",
              "mixed",
              "empty",
              "flags",
              "hist",
              "phase",
              "grid",
              "opt",
              "ok"),
          List.copyOf(types.keySet()));
      assertEquals("Int64", types.get("_step"));
      assertEquals("Float64", types.get("eval.f1"));
      assertEquals("Utf8", types.get("mixed"));
      assertEquals("Bool", types.get("ok"));
      assertTrue(types.get("flags").matches("List<Bool.*"), types.get("flags"));
      assertTrue(types.get("hist").startsWith("Struct<"), types.get("hist"));
      JsonNode rows = shapes.get("data");
      assertEquals("[0,0.5,1]", rows.get(0).at("/hist/bins").toString());
      assertEquals("\"a\"", rows.get(1).get("mixed").asText());
      assertEquals("adam", rows.get(1).at("/opt/name").asText());
      assertEquals(5, rows.get(2).get("_step").asInt());

      long total = 0;
      for (int i = 1; i < files.size(); i++) {
        total += files.get(i).get("rows").asLong();
        assertEquals(1, files.get(i).at("/steps/columns").asInt());
      }
      assertEquals(9_000, total);
      assertEquals(4, files.size());
      FileStats stats = emulator.stats().files();
      assertTrue(
          stats.recorded().stream().anyMatch(r -> r.range() != null), stats.recorded().toString());
      assertEquals(0, stats.authorizedRequests());
    }
  }

  private static JsonNode node(List<String> urls) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/node", "parquet_check.mjs"));
    command.addAll(urls);
    Process process =
        new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node timed out");
    assertEquals(0, process.exitValue(), err);
    return JsonText.ENVELOPE.readTree(out);
  }
}
