package io.github.wandbjdbc.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The requests of a history scan, in the order their rows are handed over: each batch carries up to
 * one request's worth of reads, run after run and, within a run, window after window, so rows come
 * out by run and then by step. Runs come in the listing's order, or sorted by name when the query
 * is {@code ordered} (then every run is listed before the first batch).
 *
 * <p>Not thread-safe: the read-ahead takes batches one after another.
 */
final class HistoryBatches {
  /** Reads of one request, and the cap probe a scan's first request carries (or null). */
  record Batch(List<HistoryRead> reads, HistoryRead probe) {
    Batch {
      reads = List.copyOf(reads);
    }

    /** What the request sends: the reads, then the probe. */
    List<HistoryRead> request() {
      if (probe == null) {
        return reads;
      }
      List<HistoryRead> all = new ArrayList<>(reads);
      all.add(probe);
      return all;
    }
  }

  private record Planned(Run run, HistoryRead read) {}

  private final HistoryReadPlanner plan;
  private final RunIterator listing;
  private final boolean ordered;
  private final int readsPerRequest;
  private final Deque<Planned> pending = new ArrayDeque<>();
  private Iterator<Run> runs;
  private boolean first = true;

  HistoryBatches(
      HistoryReadPlanner plan, RunIterator listing, boolean ordered, int readsPerRequest) {
    this.plan = plan;
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
    List<HistoryRead> reads = new ArrayList<>(readsPerRequest);
    Run biggest = null;
    while (reads.size() < readsPerRequest && expected < wanted) {
      if (pending.isEmpty()
          && !planNextRun(rowGoal > 0 ? (long) Math.ceil(wanted - expected) : 0)) {
        break;
      }
      Planned next = pending.pollFirst();
      reads.add(next.read());
      expected += plan.expectedRows(next.run(), next.read());
      if (biggest == null || lines(next.run()) > lines(biggest)) {
        biggest = next.run();
      }
    }
    HistoryRead probe = first && biggest != null ? plan.probe(biggest) : null;
    first = false;
    return new Batch(reads, probe);
  }

  /** Plans the next run with rows in range; false when there is none. */
  private boolean planNextRun(long firstRows) {
    Iterator<Run> source = runs();
    while (source.hasNext()) {
      Run run = source.next();
      List<HistoryRead> reads = plan.reads(run, firstRows);
      if (!reads.isEmpty()) {
        reads.forEach(read -> pending.addLast(new Planned(run, read)));
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
