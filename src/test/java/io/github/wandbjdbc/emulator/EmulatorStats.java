package io.github.wandbjdbc.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of {@code /graphql} traffic, rejected requests included, and apart from them those of
 * the file storage server ({@link #files()}). Thread-safe.
 */
public final class EmulatorStats {
  static final int RECORDED_LIMIT = 10_000;

  private long requests;
  private final Map<String, Long> operations = new TreeMap<>();
  private long bytesIn;
  private long bytesOut;
  private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
  private final FileStats files = new FileStats();

  /** Parquet file requests; {@link #requests()} and the other counters here never include them. */
  public FileStats files() {
    return files;
  }

  public synchronized long requests() {
    return requests;
  }

  /** Requests per operation name, a snapshot sorted by name. */
  public synchronized Map<String, Long> operations() {
    return Collections.unmodifiableMap(new TreeMap<>(operations));
  }

  public synchronized long bytesIn() {
    return bytesIn;
  }

  /** Response body bytes actually written. */
  public synchronized long bytesOut() {
    return bytesOut;
  }

  /** The last {@value #RECORDED_LIMIT} requests, oldest first. */
  public synchronized List<RecordedRequest> recorded() {
    return List.copyOf(new ArrayList<>(recorded));
  }

  /** Resets the GraphQL and the file counters. */
  public synchronized void reset() {
    files.reset();
    requests = 0;
    operations.clear();
    bytesIn = 0;
    bytesOut = 0;
    recorded.clear();
  }

  synchronized void countRequest(String operationName, long bodyBytes) {
    requests++;
    operations.merge(operationName, 1L, Long::sum);
    bytesIn += bodyBytes;
  }

  synchronized void countResponse(RecordedRequest request, long bodyBytes) {
    bytesOut += bodyBytes;
    if (recorded.size() == RECORDED_LIMIT) {
      recorded.removeFirst();
    }
    recorded.addLast(request);
  }

  /** The JSON document served at {@code /_emulator/stats}. */
  synchronized Map<String, Object> toJson() {
    return Map.of(
        "requests",
        requests,
        "operations",
        new TreeMap<>(operations),
        "bytesIn",
        bytesIn,
        "bytesOut",
        bytesOut,
        "files",
        files.toJson());
  }
}
