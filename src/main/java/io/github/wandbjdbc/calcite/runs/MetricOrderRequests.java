package io.github.wandbjdbc.calcite.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.calcite.filter.FilterDocuments;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunPage;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.WandbClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The three requests a {@link MetricOrderReader} sends, each under the query's pushed filter: a
 * page of a range in the hinted order, aliased counts, and a whole listing. {@link #stop} aborts
 * whichever is in flight, from any thread.
 */
final class MetricOrderRequests implements AutoCloseable {
  private final WandbClient client;
  private final ProjectContext context;
  private final ObjectNode filter;
  private final RunSelection selection;
  private final int pageSize;
  private final String hint;
  private final Cancellation scope = new Cancellation();
  private volatile RunIterator listing;

  MetricOrderRequests(
      WandbClient client,
      ProjectContext context,
      ObjectNode filter,
      RunSelection selection,
      int pageSize,
      String hint) {
    this.client = client;
    this.context = context;
    this.filter = filter == null ? FilterDocuments.JSON.objectNode() : filter;
    this.selection = selection;
    this.pageSize = pageSize;
    this.hint = hint;
  }

  /** The query's own filter: every run it selects. */
  ObjectNode all() {
    return filter;
  }

  /** The query's filter and {@code condition}. */
  ObjectNode and(ObjectNode condition) {
    return filter.isEmpty() ? condition : FilterDocuments.and(List.of(filter, condition));
  }

  /** The first {@code rows} runs (at most a page) of the filter and {@code range}, hinted order. */
  RunPage page(ObjectNode range, long rows) {
    return client.runPage(query(and(range)), (int) Math.min(Integer.MAX_VALUE, rows), scope);
  }

  /** How many runs each filter selects, in one request. */
  long[] counts(List<ObjectNode> filters) {
    return client.runCounts(context.entity(), context.project(), filters, scope);
  }

  /** Every run of {@code runsFilter}; after a {@link #stop} the list may end early. */
  List<Run> readAll(ObjectNode runsFilter) {
    RunIterator runs = client.runs(query(runsFilter));
    listing = runs;
    try (runs) {
      List<Run> all = new ArrayList<>();
      while (runs.hasNext()) {
        all.add(runs.next());
      }
      return all;
    } finally {
      listing = null;
    }
  }

  private RunQuery query(ObjectNode runsFilter) {
    return new RunQuery(
        context.entity(), context.project(), runsFilter, hint, pageSize, -1, selection);
  }

  /** Aborts the request in flight and every later one. */
  void stop() {
    scope.cancel();
    RunIterator runs = listing;
    if (runs != null) {
      runs.close();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
