package io.github.wandbjdbc.client.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.RequestBudget;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.WandbNotFoundException;
import io.github.wandbjdbc.client.transport.GraphQlDocument;
import io.github.wandbjdbc.client.transport.GraphQlTransport;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.List;

/** W&B's run listings and run counts, as the client's facade hands them out. */
public final class RunListings {
  /** The most filters {@link #counts} counts in one request. */
  static final int COUNTS_PER_REQUEST = 6;

  /** The operation that lists runs, as errors about a listed run name it. */
  public static final String LISTING_OPERATION = RunPageReader.DOCUMENT.operationName();

  private static final GraphQlDocument RUN_COUNT =
      GraphQlDocument.load(RunListings.class, "RunCount");
  private static final GraphQlDocument RUN_COUNTS =
      GraphQlDocument.load(RunListings.class, "RunCounts");

  private final GraphQlTransport transport;

  public RunListings(GraphQlTransport transport) {
    this.transport = transport;
  }

  /**
   * The runs of {@code query}, in its metric order when it has one, spending from {@code budget};
   * lazy, so nothing is sent before the first {@code hasNext()}.
   */
  public RunIterator runs(RunQuery query, RequestBudget budget) {
    return query.metricOrder() == null
        ? new PagedRunIterator(new RunPageReader(transport, query), query, budget)
        : MetricOrderReader.of(this, query, budget);
  }

  /** How many runs match {@code filter} ({@code {}} = all); cancelling {@code scope} aborts it. */
  public long count(String entity, String project, ObjectNode filter, Cancellation scope) {
    ObjectNode variables =
        WandbJson.MAPPER
            .createObjectNode()
            .put("project", project)
            .put("entity", entity)
            .put("filters", RunPageReader.filterString(filter));
    JsonNode count = project(RUN_COUNT, variables, entity, project, scope).get("runCount");
    if (count == null || !count.canConvertToLong()) {
      throw WandbJson.unexpected(RUN_COUNT.operationName(), "project.runCount is missing");
    }
    return count.asLong();
  }

  /**
   * One page of {@code query}'s runs: the first {@code first} in its order (at most a page of its
   * width), and whether W&B has more. For a reader that decides after each page what to ask next,
   * where {@link #runs} would read on by itself. Cancelling {@code scope} aborts it.
   */
  RunPage page(RunQuery query, int first, Cancellation scope) {
    return new RunPageReader(transport, query)
        .read(null, Math.max(1, Math.min(first, query.rowsPerPage())), scope);
  }

  /**
   * How many runs match each of 1 to {@link #COUNTS_PER_REQUEST} filters, in one request (one
   * aliased {@code runCount} per filter); cancelling {@code scope} aborts it.
   */
  long[] counts(String entity, String project, List<ObjectNode> filters, Cancellation scope) {
    if (filters.isEmpty() || filters.size() > COUNTS_PER_REQUEST) {
      throw new IllegalArgumentException(
          "runCounts takes 1 to " + COUNTS_PER_REQUEST + " filters, not " + filters.size());
    }
    ObjectNode variables =
        WandbJson.MAPPER.createObjectNode().put("project", project).put("entity", entity);
    for (int i = 0; i < COUNTS_PER_REQUEST; i++) {
      if (i > 0) {
        variables.put("with" + i, i < filters.size());
      }
      if (i < filters.size()) {
        variables.put("filters" + i, RunPageReader.filterString(filters.get(i)));
      }
    }
    JsonNode projectNode = project(RUN_COUNTS, variables, entity, project, scope);
    long[] counts = new long[filters.size()];
    for (int i = 0; i < counts.length; i++) {
      JsonNode count = projectNode.get("count" + i);
      if (count == null || !count.canConvertToLong()) {
        throw WandbJson.unexpected(RUN_COUNTS.operationName(), "project.count" + i + " is missing");
      }
      counts[i] = count.asLong();
    }
    return counts;
  }

  private JsonNode project(
      GraphQlDocument document,
      ObjectNode variables,
      String entity,
      String project,
      Cancellation scope) {
    JsonNode node = transport.execute(document, variables, scope).get("project");
    if (node == null || node.isNull()) {
      throw WandbNotFoundException.project(document.operationName(), entity, project);
    }
    return node;
  }
}
