package io.github.wandbjdbc.client.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs filling one cache directory: a reader only ever sees one writer's whole file. */
class HistoryCacheTwoWritersTest {
  @TempDir Path directory;

  @Test
  void readersSeeOneWritersWholeFileOrNone() throws Exception {
    List<Process> writers = new ArrayList<>();
    for (int writer = 1; writer <= 2; writer++) {
      writers.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  HistoryCacheWriter.class.getName(),
                  directory.toString(),
                  Integer.toString(writer),
                  "60")
              .inheritIO()
              .start());
    }
    HistoryCache cache = HistoryCache.in(directory, 1L << 30);
    List<String> versions =
        List.of(HistoryCacheWriter.rows(1).toString(), HistoryCacheWriter.rows(2).toString());
    int seen = 0;
    try {
      while (writers.stream().anyMatch(Process::isAlive)) {
        for (int entry = 0; entry < HistoryCacheWriter.ENTRIES; entry++) {
          List<ObjectNode> rows = cache.load(HistoryCacheWriter.entry(entry));
          if (rows != null) {
            assertTrue(versions.contains(rows.toString()), "a file mixing writers");
            seen++;
          }
        }
      }
      for (Process writer : writers) {
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, writer.exitValue());
      }
    } finally {
      writers.forEach(Process::destroyForcibly);
    }
    assertTrue(seen > 0, "no file was read while the writers ran");
    for (int entry = 0; entry < HistoryCacheWriter.ENTRIES; entry++) {
      assertTrue(versions.contains(cache.load(HistoryCacheWriter.entry(entry)).toString()));
    }
  }
}
