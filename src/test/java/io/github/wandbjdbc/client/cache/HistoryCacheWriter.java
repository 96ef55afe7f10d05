package io.github.wandbjdbc.client.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM for {@code HistoryCacheTwoWritersTest}: stores the same entries as the test, rows of
 * its own, over and over. Arguments: cache directory, writer number, rounds.
 */
public final class HistoryCacheWriter {
  static final int ENTRIES = 4;

  private HistoryCacheWriter() {}

  public static void main(String[] args) {
    HistoryCache cache = HistoryCache.in(Path.of(args[0]), 1L << 30);
    int writer = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    for (int round = 0; round < rounds; round++) {
      for (int entry = 0; entry < ENTRIES; entry++) {
        cache.store(entry(entry), List.of(HistoryCacheFile.encodeChunk(rows(writer))));
      }
    }
  }

  static HistoryCache.Entry entry(int n) {
    return new HistoryCache.Entry("http://127.0.0.1:1", "acme", "demo", "run" + n, "rows", "m");
  }

  /** Writer {@code writer}'s rows: a size and values of its own, so a mix of two is detectable. */
  static List<ObjectNode> rows(int writer) {
    List<ObjectNode> rows = new ArrayList<>();
    for (int step = 0; step < 2000 + 500 * writer; step++) {
      rows.add(WandbJson.MAPPER.createObjectNode().put("_step", step).put("writer", writer));
    }
    return rows;
  }
}
