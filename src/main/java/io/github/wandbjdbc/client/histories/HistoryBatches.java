package io.github.wandbjdbc.client.histories;

import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The requests of a history scan, in the order their rows are handed over: each batch carries up to
 * one request's worth of reads, run after run and, within a run, window after window, so rows come
 * out by run and then by step. A run the cache holds comes as its rows instead of reads. Runs come
 * in the listing's order, or sorted by name when the query is {@code ordered} (then every run is
 * listed before the first batch).
 *
 * <p>Not thread-safe: the read-ahead takes batches one after another.
 */
final class HistoryBatches {
  /**
   * One item of a batch: a read of {@code run} (with the capture that keeps its answers, or null),
   * or, when {@code read} is null, the run's rows of {@code cachedShape}, to load from the cache.
   */
  record Item(Run run, HistoryRead read, HistoryCacheScope.Capture capture, String cachedShape) {}

  /** Items of one request, in hand-over order, and the cap probe (or null). */
  record Batch(List<Item> items, HistoryRead probe) {
    Batch {
      items = List.copyOf(items);
    }

    /** The reads the request sends, in order, without the probe. */
    List<HistoryRead> reads() {
      return items.stream().filter(item -> item.read() != null).map(Item::read).toList();
    }
  }

  private final HistoryReadPlanner plan;
  private final HistoryCacheScope cache;
  private final RunIterator listing;
  private final boolean ordered;
  private final int readsPerRequest;
  private final Deque<Item> pending = new ArrayDeque<>();
  private Iterator<Run> runs;

  /** Whether a batch has carried the cap probe: the first one that reads W&B does. */
  private boolean probed;

  HistoryBatches(
      HistoryReadPlanner plan,
      HistoryCacheScope cache,
      RunIterator listing,
      boolean ordered,
      int readsPerRequest) {
    this.plan = plan;
    this.cache = cache;
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
      Item next = pending.pollFirst();
      items.add(next);
      if (next.read() == null) {
        // Cached rows are held in memory like answers: a window's worth counts as a read.
        expected += lines(next.run());
        reads += 1 + (int) (lines(next.run()) / HistoryReadPlanner.WINDOW_ROWS);
        continue;
      }
      reads++;
      expected += plan.expectedRows(next.run(), next.read());
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
    Iterator<Run> source = runs();
    while (source.hasNext()) {
      Run run = source.next();
      String shape = cache.shape(run);
      if (shape != null && cache.holds(run, shape)) {
        pending.addLast(new Item(run, null, null, shape));
        return true;
      }
      List<HistoryRead> reads = plan.reads(run, firstRows);
      if (!reads.isEmpty()) {
        HistoryCacheScope.Capture capture = cache.capture(run, shape, reads.size());
        reads.forEach(read -> pending.addLast(new Item(run, read, capture, null)));
        return true;
      }
    }
    return false;
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
