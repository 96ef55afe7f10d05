package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.HistoryQuery;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.cache.HistoryCache;
import io.github.wandbjdbc.client.cache.HistoryCacheFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The history cache as one scan uses it. Only runs this scan's own run listing returned are looked
 * up, so W&B's permissions still decide what a connection sees; only runs in a terminal state, with
 * every marker known and at most {@link #MAX_ROWS} rows, are served or kept; and a run is kept only
 * when the scan read all of it.
 */
record HistoryCacheScope(
    HistoryCache cache, String baseUrl, HistoryQuery query, HistoryReadPlanner plan) {
  /** Runs with more rows are neither kept nor served: a run is held in memory until it is kept. */
  static final long MAX_ROWS = 200_000;

  private static final Set<String> TERMINAL = Set.of("finished", "crashed", "failed", "killed");

  /** The shape of {@code run} this scan may serve from the cache or keep; null when it may not. */
  String shape(Run run) {
    if (!cache.enabled() || markers(run) == null) {
      return null;
    }
    return plan.shape(run);
  }

  /** Whether the cache has a file for {@code run}'s {@code shape} (loaded later, by a worker). */
  boolean holds(Run run, String shape) {
    return cache.holds(entry(run, shape));
  }

  /** The rows of {@code run} in range, in step order, when the cache holds them; else null. */
  List<ObjectNode> cachedRows(Run run, String shape) {
    List<ObjectNode> rows = cache.load(entry(run, shape));
    if (rows != null) {
      rows.removeIf(row -> !plan.inRange(row));
    }
    return rows;
  }

  /** A capture of {@code run}'s rows, to keep once its {@code reads} reads are all answered. */
  Capture capture(Run run, String shape, int reads) {
    return shape == null || !plan.readsWholeRun(run) ? null : new Capture(run, shape, reads);
  }

  private HistoryCache.Entry entry(Run run, String shape) {
    return new HistoryCache.Entry(
        baseUrl, query.entity(), query.project(), run.name(), shape, markers(run));
  }

  /** What changes when a run does; null when the run may still change or a marker is missing. */
  private static String markers(Run run) {
    Long lines = run.historyLineCount();
    if (!TERMINAL.contains(run.state())
        || run.heartbeatAt() == null
        || lines == null
        || lines > MAX_ROWS) {
      return null;
    }
    Long lastStep = run.lastStep();
    return "state="
        + run.state()
        + ";lines="
        + lines
        + ";lastStep="
        + (lastStep == null ? "" : lastStep)
        + ";heartbeat="
        + run.heartbeatAt();
  }

  /**
   * The rows of one run's reads, encoded as they are answered, in step order; kept once every read
   * of the run is answered. Reads finish on several workers.
   */
  final class Capture {
    private final Run run;
    private final String shape;
    private final Map<Long, byte[]> chunks = new TreeMap<>();
    private int readsLeft;

    private Capture(Run run, String shape, int reads) {
      this.run = run;
      this.shape = shape;
      this.readsLeft = reads;
    }

    /**
     * The rows of one read, as handed over: by the first step of each exact answer (its own, or
     * those of the re-reads that replaced it).
     */
    void add(Map<Long, List<ObjectNode>> rowsByFirstStep) {
      Map<Long, byte[]> encoded = new TreeMap<>();
      rowsByFirstStep.forEach(
          (step, rows) -> encoded.put(step, HistoryCacheFile.encodeChunk(rows)));
      synchronized (this) {
        chunks.putAll(encoded);
        if (--readsLeft > 0) {
          return;
        }
      }
      cache.store(entry(run, shape), new ArrayList<>(chunks.values()));
    }
  }
}
