package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
final class HistoryCacheScope {
  /** Runs with more rows are neither kept nor served: a run is held in memory until it is kept. */
  static final long MAX_ROWS = 200_000;

  private static final Set<String> TERMINAL = Set.of("finished", "crashed", "failed", "killed");

  private final HistoryCache cache;
  private final String host;
  private final HistoryQuery query;
  private final HistoryReadPlanner plan;

  HistoryCacheScope(HistoryCache cache, String host, HistoryQuery query, HistoryReadPlanner plan) {
    this.cache = cache;
    this.host = host;
    this.query = query;
    this.plan = plan;
  }

  /** The shapes of {@code run} this scan may serve from the cache or keep; none when it may not. */
  List<String> shapes(Run run) {
    if (!cache.enabled() || markers(run) == null) {
      return List.of();
    }
    return plan.shapes(run);
  }

  /**
   * The rows of {@code run} in range, in step order, when the cache holds every shape; else null.
   */
  List<ObjectNode> cachedRows(Run run, List<String> shapes) {
    List<List<ObjectNode>> lists = new ArrayList<>(shapes.size());
    for (String shape : shapes) {
      List<ObjectNode> rows = cache.load(entry(run, shape));
      if (rows == null) {
        return null;
      }
      lists.add(rows);
    }
    List<ObjectNode> rows = new ArrayList<>(new HistoryAnswer(lists, null).mergedByStep());
    rows.removeIf(row -> !plan.inRange(row));
    return rows;
  }

  /** A capture of {@code run}'s answers, to keep once its {@code reads} reads are all answered. */
  Capture capture(Run run, List<String> shapes, int reads) {
    return shapes.isEmpty() || !plan.readsWholeRun(run) ? null : new Capture(run, shapes, reads);
  }

  private HistoryCache.Entry entry(Run run, String shape) {
    return new HistoryCache.Entry(
        host, query.entity(), query.project(), run.name(), shape, markers(run));
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
    JsonNode lastStep = run.historyKeys() == null ? null : run.historyKeys().get("lastStep");
    return "state="
        + run.state()
        + ";lines="
        + lines
        + ";lastStep="
        + (lastStep == null ? "" : lastStep.asText())
        + ";heartbeat="
        + run.heartbeatAt();
  }

  /**
   * The exact answers of one run's reads, encoded before they are merged for the reader, each shape
   * in step order; kept once every read of the run is answered. Reads finish on several workers.
   */
  final class Capture {
    private final Run run;
    private final List<String> shapes;
    private final List<Map<Long, byte[]>> byShape = new ArrayList<>();
    private int readsLeft;

    private Capture(Run run, List<String> shapes, int reads) {
      this.run = run;
      this.shapes = shapes;
      this.readsLeft = reads;
      shapes.forEach(shape -> byShape.add(new TreeMap<>()));
    }

    /** One read's exact answers (its own, or those of the re-reads that replaced it). */
    void add(List<HistoryReadAhead.Leaf> leaves) {
      List<byte[]> chunks = new ArrayList<>();
      for (HistoryReadAhead.Leaf leaf : leaves) {
        List<List<ObjectNode>> lists = leaf.answer().rowLists();
        if (lists.size() != shapes.size()) {
          return;
        }
        lists.forEach(rows -> chunks.add(HistoryCacheFile.encodeChunk(rows)));
      }
      synchronized (this) {
        int next = 0;
        for (HistoryReadAhead.Leaf leaf : leaves) {
          long first = HistoryReadPlanner.firstStep(leaf.read());
          for (int shape = 0; shape < shapes.size(); shape++) {
            byShape.get(shape).put(first, chunks.get(next++));
          }
        }
        if (--readsLeft > 0) {
          return;
        }
      }
      for (int shape = 0; shape < shapes.size(); shape++) {
        cache.storeChunks(
            entry(run, shapes.get(shape)), new ArrayList<>(byShape.get(shape).values()));
      }
    }
  }
}
