package io.github.wandbjdbc.client.histories;

import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.WandbRequestException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The requests of a history scan, in the order their rows are handed over: each batch carries up to
 * one request's worth of reads, run after run and, within a run, window after window, so rows come
 * out by run and then by step. A run the cache holds comes as its rows instead of reads. A run W&B
 * has exported comes as a batch of its own that reads its files, then the live reads of the steps
 * not exported; what W&B has exported is asked for up to {@link #EXPORT_LOOKUP_RUNS} runs at a
 * time, in one request. Runs come in the listing's order, or sorted by name when the query is
 * {@code ordered} (then every run is listed before the first batch).
 *
 * <p>Not thread-safe: the read-ahead takes batches one after another.
 */
final class HistoryBatches {
  /** Runs whose exports one request asks for. */
  static final int EXPORT_LOOKUP_RUNS = 100;

  /** One item of a batch: something that yields rows of one run. */
  sealed interface Item {
    Run run();
  }

  /** A read of W&B's live API, with the capture that keeps its answers (or null). */
  record LiveRead(Run run, HistoryRead read, HistoryCacheScope.Capture capture) implements Item {}

  /** The run's rows of {@code shape}, to load from the cache. */
  record Cached(Run run, String shape) implements Item {}

  /** The exported steps of the run, read from its files, kept by {@code capture} (or null). */
  record Exported(Run run, RunExport export, HistoryCacheScope.Capture capture) implements Item {}

  /** Items of one request, in hand-over order, and the cap probe (or null). */
  record Batch(List<Item> items, HistoryRead probe) {
    Batch {
      items = List.copyOf(items);
    }

    /** The reads the request sends, in order, without the probe. */
    List<HistoryRead> reads() {
      return items.stream()
          .filter(item -> item instanceof LiveRead)
          .map(item -> ((LiveRead) item).read())
          .toList();
    }
  }

  private final HistoryReadPlanner plan;
  private final HistoryCacheScope cache;
  private final HistoryBatchReader exports;
  private final RunIterator listing;
  private final boolean ordered;
  private final int readsPerRequest;
  private final Deque<Item> pending = new ArrayDeque<>();

  /**
   * Exported items set aside while live reads of later runs fill a request (unordered scans past
   * their first page only, and a request's worth at most, so that files are not kept waiting): each
   * is a batch of its own, handed out before anything else.
   */
  private final Deque<Item> setAside = new ArrayDeque<>();

  /** Runs taken from the listing to have their exports asked for, and those exports. */
  private final Deque<Run> lookedAhead = new ArrayDeque<>();

  private final Map<String, RunExport> exported = new HashMap<>();

  /** Whether W&B rejected the question for exports: then the scan stops asking it. */
  private boolean exportsUnknown;

  private Iterator<Run> runs;

  /** Whether a batch has carried the cap probe: the first one that reads W&B does. */
  private boolean probed;

  /** Batches of {@code plan}; {@code exports} asks W&B what it has exported (when the plan may). */
  HistoryBatches(
      HistoryReadPlanner plan,
      HistoryCacheScope cache,
      HistoryBatchReader exports,
      RunIterator listing,
      boolean ordered,
      int readsPerRequest) {
    this.plan = plan;
    this.cache = cache;
    this.exports = exports;
    this.listing = listing;
    this.ordered = ordered;
    this.readsPerRequest = readsPerRequest;
  }

  /**
   * The next batch; empty when every run has been read. With {@code rowGoal > 0} the batch holds
   * reads for about that many rows (a margin over it, so that a sparse stretch rarely costs a
   * second request), not a whole request's worth.
   */
  Batch next(long rowGoal) {
    if (!setAside.isEmpty()) {
      return new Batch(List.of(setAside.pollFirst()), null);
    }
    double wanted = rowGoal > 0 ? rowGoal * 1.25 : Double.POSITIVE_INFINITY;
    double expected = 0;
    int reads = 0;
    List<Item> items = new ArrayList<>();
    Run biggest = null;
    while (reads < readsPerRequest && expected < wanted) {
      if (pending.isEmpty()
          && !planNextRun(rowGoal > 0 ? (long) Math.ceil(wanted - expected) : 0)) {
        break;
      }
      if (pending.peekFirst() instanceof Exported && !items.isEmpty()) {
        if (ordered || rowGoal > 0 || setAside.size() >= readsPerRequest) {
          break; // a run's files are read by a batch of their own, in turn
        }
        setAside.addLast(pending.pollFirst());
        continue;
      }
      Item next = pending.pollFirst();
      items.add(next);
      if (next instanceof Exported) {
        break;
      }
      if (next instanceof Cached) {
        // Cached rows are held in memory like answers: a window's worth counts as a read.
        expected += lines(next.run());
        reads += 1 + (int) (lines(next.run()) / HistoryReadPlanner.WINDOW_ROWS);
        continue;
      }
      reads++;
      expected += plan.expectedRows(next.run(), ((LiveRead) next).read());
      if (biggest == null || lines(next.run()) > lines(biggest)) {
        biggest = next.run();
      }
    }
    HistoryRead probe = null;
    if (!probed && biggest != null) {
      probe = plan.probe(biggest);
      probed = true;
    }
    return new Batch(items, probe);
  }

  /** Plans the next run with rows in range; false when there is none. */
  private boolean planNextRun(long firstRows) {
    for (Run next = nextRun(); next != null; next = nextRun()) {
      Run run = next;
      String shape = cache.shape(run);
      if (shape != null && cache.holds(run, shape)) {
        pending.addLast(new Cached(run, shape));
        return true;
      }
      RunExport export = exportOf(run);
      if (export != null && export.exported()) {
        List<HistoryRead> tail =
            export.liveFrom() == null
                ? List.of()
                : plan.reads(run, 0, Math.max(plan.minStep(), export.liveFrom()), plan.endStep());
        HistoryCacheScope.Capture capture = cache.capture(run, shape, tail.size() + 1);
        pending.addLast(new Exported(run, export, capture));
        tail.forEach(read -> pending.addLast(new LiveRead(run, read, capture)));
        return true;
      }
      List<HistoryRead> reads = plan.reads(run, firstRows);
      if (!reads.isEmpty()) {
        HistoryCacheScope.Capture capture = cache.capture(run, shape, reads.size());
        reads.forEach(read -> pending.addLast(new LiveRead(run, read, capture)));
        return true;
      }
    }
    return false;
  }

  private Run nextRun() {
    if (!lookedAhead.isEmpty()) {
      return lookedAhead.pollFirst();
    }
    Iterator<Run> source = runs();
    return source.hasNext() ? source.next() : null;
  }

  /**
   * What W&B has exported of {@code run}, asked for together with the next runs that need it; null
   * when the scan does not read exports or the run has no rows in range.
   */
  private RunExport exportOf(Run run) {
    if (!plan.readsExports() || exportsUnknown) {
      return null;
    }
    RunExport known = exported.remove(run.name()); // asked for with an earlier run
    if (known != null || !needsExport(run)) {
      return known;
    }
    List<Run> asked = new ArrayList<>(List.of(run));
    Iterator<Run> source = runs();
    while (asked.size() < EXPORT_LOOKUP_RUNS && source.hasNext()) {
      Run next = source.next();
      lookedAhead.addLast(next);
      if (needsExport(next)) {
        asked.add(next);
      }
    }
    List<RunExport> answers;
    try {
      answers = exports.exports(asked.stream().map(Run::name).toList());
    } catch (WandbRequestException e) {
      // A server without the export service may not know parquetHistory: read everything live.
      exportsUnknown = true;
      return null;
    }
    for (int i = 1; i < answers.size(); i++) {
      exported.put(answers.get(i).run(), answers.get(i));
    }
    return answers.get(0);
  }

  /** Whether the scan would read {@code run} from W&B: not cached, with rows in range. */
  private boolean needsExport(Run run) {
    String shape = cache.shape(run);
    return (shape == null || !cache.holds(run, shape)) && plan.hasStepsInRange(run);
  }

  private Iterator<Run> runs() {
    if (runs == null) {
      if (ordered) {
        List<Run> all = new ArrayList<>();
        listing.forEachRemaining(all::add);
        all.sort(Comparator.comparing(Run::name));
        runs = all.iterator();
      } else {
        runs = listing;
      }
    }
    return runs;
  }

  private static long lines(Run run) {
    Long lines = run.historyLineCount();
    return lines == null ? 0 : lines;
  }
}
