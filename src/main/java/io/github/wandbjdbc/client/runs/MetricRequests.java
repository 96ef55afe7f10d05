package io.github.wandbjdbc.client.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.RequestBudget;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.WandbException;
import java.util.ArrayList;
import java.util.List;

/**
 * The three requests a {@link MetricOrderReader} sends: a page of a range in the hinted order,
 * aliased counts, and a whole listing. {@link #stop} aborts whichever is in flight, from any
 * thread; a listing cut short by it throws rather than passing for a whole one.
 */
final class MetricRequests {
  private final RunListings listings;
  private final RunQuery query;
  private final Cancellation scope;
  private volatile RunIterator listing;
  private volatile boolean stopped;
  private long pages;

  /** Requests for {@code query}, whose metric order gives their hint. */
  MetricRequests(RunListings listings, RunQuery query, RequestBudget budget) {
    this.listings = listings;
    this.query = query;
    this.scope = new Cancellation(budget);
  }

  /** The first {@code rows} runs (at most a page) of {@code filter}, in the hinted order. */
  RunPage page(ObjectNode filter, long rows) {
    pages++;
    return listings.page(listing(filter), (int) Math.min(Integer.MAX_VALUE, rows), scope);
  }

  /** How many runs each filter selects, in one request. */
  long[] counts(List<ObjectNode> filters) {
    return listings.counts(query.entity(), query.project(), filters, scope);
  }

  /** Every run of {@code filter}. */
  List<Run> readAll(ObjectNode filter) {
    RunIterator runs = listings.runs(listing(filter), scope.budget());
    listing = runs;
    if (stopped) { // stop() came before the listing was there to close
      runs.close();
    }
    try (runs) {
      List<Run> all = new ArrayList<>();
      while (runs.hasNext()) {
        all.add(runs.next());
      }
      pages += runs.pagesFetched();
      if (stopped) {
        throw new WandbException(
            "The ordered W&B run listing was stopped", RunListings.LISTING_OPERATION, 0);
      }
      return all;
    } finally {
      listing = null;
    }
  }

  /** Pages of runs requested so far. */
  long pages() {
    return pages;
  }

  private RunQuery listing(ObjectNode filter) {
    return new RunQuery(
        query.entity(),
        query.project(),
        filter,
        query.metricOrder().hint(),
        query.pageSize(),
        -1,
        query.selection());
  }

  /** Aborts the request in flight and every later one. */
  void stop() {
    stopped = true;
    scope.cancel();
    RunIterator runs = listing;
    if (runs != null) {
      runs.close();
    }
  }
}
