package io.github.wandbjdbc.client.histories;

import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.HistoryQuery;
import io.github.wandbjdbc.client.HistoryRowIterator;
import io.github.wandbjdbc.client.RequestBudget;
import io.github.wandbjdbc.client.cache.HistoryCache;
import io.github.wandbjdbc.client.runs.RunListings;
import io.github.wandbjdbc.client.transport.FileDownloads;
import io.github.wandbjdbc.client.transport.GraphQlTransport;

/**
 * W&B run histories, as the client's facade hands them out: planned, exported steps read from W&B's
 * parquet files, the rest read ahead from the live API, finished runs cached.
 */
public final class HistoryEngine {
  private final GraphQlTransport transport;
  private final FileDownloads downloads;
  private final RunListings listings;
  private final HistoryCache cache;
  private final String baseUrl;

  /**
   * Reads through {@code transport} and, for exported history, {@code downloads}, listing runs with
   * {@code listings}; {@code baseUrl} keys the {@code cache}'s files, so that two W&B servers never
   * share them.
   */
  public HistoryEngine(
      GraphQlTransport transport,
      FileDownloads downloads,
      RunListings listings,
      HistoryCache cache,
      String baseUrl) {
    this.transport = transport;
    this.downloads = downloads;
    this.listings = listings;
    this.cache = cache;
    this.baseUrl = baseUrl;
  }

  /**
   * The rows of {@code query}, spending from {@code budget}; lazy, so nothing is sent before the
   * first {@code hasNext()}. Closing the iterator stops its worker threads and their requests.
   */
  public HistoryRowIterator read(HistoryQuery query, RequestBudget budget) {
    return new ReadAheadRowIterator(
        () -> {
          HistoryReadPlanner plan = new HistoryReadPlanner(query);
          Cancellation scope = new Cancellation(budget);
          HistoryBatchReader reader =
              new HistoryBatchReader(transport, query.entity(), query.project(), scope);
          return new HistoryReadAhead(
              reader,
              new ExportReader(downloads, scope, reader, plan),
              plan,
              new HistoryCacheScope(cache, baseUrl, query, plan),
              listings.runs(query.runListing(cache.enabled()), budget),
              query.concurrency(),
              query.rowGoal(),
              query.ordered());
        });
  }
}
