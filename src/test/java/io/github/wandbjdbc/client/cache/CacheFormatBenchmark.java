package io.github.wandbjdbc.client.cache;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code bin/benchmark-histories cache-format}: what reading 1,000,000 history rows costs from
 * cache files and from the JSON W&B sends for the same rows (a step, a runtime, a timestamp and two
 * metrics each, NaN among them): ten 10,000-row files, each read ten times, best of five rounds.
 * (Ten distinct files keep the benchmark inside the 128 MB heap the bin script gives it.)
 */
public final class CacheFormatBenchmark {
  private static final int ROWS = 1_000_000;
  private static final int REPEAT = 10;
  private static final int PER_FILE = 10_000;
  private static final String IDENTITY = "host\nacme\ndemo\nrun\nrows\nstate=finished";

  private CacheFormatBenchmark() {}

  public static void run() throws Exception {
    Random random = new Random(1);
    List<byte[]> files = new ArrayList<>();
    List<byte[]> answers = new ArrayList<>();
    long fileBytes = 0;
    long jsonBytes = 0;
    for (int first = 0; first < ROWS / REPEAT; first += PER_FILE) {
      List<ObjectNode> rows = new ArrayList<>(PER_FILE);
      ArrayNode answer = WandbJson.MAPPER.createArrayNode();
      for (int step = first; step < first + PER_FILE; step++) {
        ObjectNode row =
            WandbJson.MAPPER
                .createObjectNode()
                .put("_step", step)
                .put("_runtime", step * 0.25)
                .put("_timestamp", 1.7e9 + step)
                .put("loss", step % 997 == 0 ? Double.NaN : random.nextDouble())
                .put("acc", random.nextDouble());
        rows.add(row);
        answer.add(row);
      }
      byte[] file = HistoryCacheFile.file(IDENTITY, List.of(HistoryCacheFile.encodeChunk(rows)));
      byte[] json = WandbJson.MAPPER.writeValueAsBytes(answer);
      files.add(file);
      answers.add(json);
      fileBytes += file.length;
      jsonBytes += json.length;
    }
    System.out.printf(
        "cache format: %,d rows read (%d files of %,d rows, %d times)%n%n",
        ROWS, files.size(), PER_FILE, REPEAT);
    System.out.println("| read | bytes | best of 5 (ms) | rows/s |");
    System.out.println("| --- | ---: | ---: | ---: |");
    long cache =
        best(
            () -> {
              for (int i = 0; i < REPEAT; i++) {
                files.forEach(file -> HistoryCacheFile.decode(file, IDENTITY));
              }
            });
    long json =
        best(
            () -> {
              for (int i = 0; i < REPEAT; i++) {
                for (byte[] answer : answers) {
                  try {
                    WandbJson.MAPPER.readTree(answer);
                  } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                  }
                }
              }
            });
    print("cache files (decode, checksum included)", fileBytes * REPEAT, cache);
    print("W&B's JSON (parse only, no HTTP)", jsonBytes * REPEAT, json);
    System.out.printf(
        "%nthe cache reads %.1f times as fast as parsing the JSON alone%n", (double) json / cache);
  }

  private static long best(Runnable read) {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      read.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }

  private static void print(String label, long bytes, long nanos) {
    System.out.printf(
        "| %s | %,d | %,d | %,.0f |%n", label, bytes, nanos / 1_000_000, ROWS / (nanos / 1e9));
  }
}
