package io.github.wandbjdbc.client.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.WandbNotFoundException;
import io.github.wandbjdbc.client.transport.GraphQlDocument;
import io.github.wandbjdbc.client.transport.GraphQlTransport;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of a {@link RunQuery} with the {@code Runs} document. That one document serves
 * every selection: each field is switched on by an {@code @include} variable, and config or summary
 * keys by {@code config(keys:)} / {@code summaryMetrics(keys:)}, so a listing moves only the bytes
 * of the fields and keys it needs. Unlike the official client's, it does not ask for {@code
 * runCount} on every page ({@link RunListings#count} does that on its own).
 */
final class RunPageReader {

  static final GraphQlDocument DOCUMENT = GraphQlDocument.load(RunPageReader.class, "Runs");

  private final GraphQlTransport transport;
  private final RunQuery query;
  private final String filters;

  RunPageReader(GraphQlTransport transport, RunQuery query) {
    this.transport = transport;
    this.query = query;
    this.filters = filterString(query.filter());
  }

  /** W&B takes the filter document as a JSON string, not as a GraphQL object. */
  static String filterString(ObjectNode filter) {
    try {
      return WandbJson.MAPPER.writeValueAsString(filter);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Filter cannot be written as JSON", e);
    }
  }

  /**
   * The page after {@code cursor} (null = first page), at most {@code perPage} runs; cancelling
   * {@code scope} aborts the request.
   */
  RunPage read(String cursor, int perPage, Cancellation scope) {
    ObjectNode variables =
        WandbJson.MAPPER
            .createObjectNode()
            .put("project", query.project())
            .put("entity", query.entity())
            .put("cursor", cursor)
            .put("perPage", perPage)
            .put("order", query.order())
            .put("filters", filters);
    RunSelection selection = query.selection();
    for (RunField field : RunField.values()) {
      variables.put(field.variable(), selection.wants(field));
    }
    variables.put("withConfigKeys", !selection.configKeys().isEmpty());
    selection.configKeys().forEach(variables.putArray("configKeys")::add);
    variables.put("withSummaryKeys", !selection.summaryKeys().isEmpty());
    selection.summaryKeys().forEach(variables.putArray("summaryKeys")::add);
    ObjectNode data = transport.execute(DOCUMENT, variables, scope);
    JsonNode project = data.get("project");
    if (project == null || project.isNull()) {
      throw WandbNotFoundException.project(
          DOCUMENT.operationName(), query.entity(), query.project());
    }
    JsonNode runs = project.path("runs");
    JsonNode edges = runs.path("edges");
    if (!edges.isArray()) {
      throw WandbJson.unexpected(DOCUMENT.operationName(), "project.runs.edges is missing");
    }
    List<Run> page = new ArrayList<>(edges.size());
    String lastCursor = null;
    for (JsonNode edge : edges) {
      page.add(RunDecoder.decode(edge.path("node"), selection));
      lastCursor = WandbJson.text(edge, "cursor");
    }
    JsonNode pageInfo = runs.path("pageInfo");
    if (lastCursor == null) {
      lastCursor = WandbJson.text(pageInfo, "endCursor");
    }
    return new RunPage(page, lastCursor, pageInfo.path("hasNextPage").asBoolean(false));
  }
}
