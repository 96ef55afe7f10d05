package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * W&B's public GraphQL API, as the SQL adapter needs it: the viewer, projects, lazily paged run
 * listings, run counts and lazily read run histories. Thread-safe: one client can serve parallel
 * requests. Every method throws a {@link WandbException} subclass on failure.
 */
public final class WandbClient implements AutoCloseable {
  /** The most filters {@link #runCounts} counts in one request. */
  public static final int COUNTS_PER_REQUEST = 6;

  private static final int PROJECTS_PER_PAGE = 200;

  private final GraphQlTransport transport;
  private final String baseUrl;
  private final HistoryCache cache;

  public WandbClient(ClientSettings settings) {
    this(settings, HistoryCache.OFF);
  }

  /** A client whose history reads of finished runs go through {@code cache}. */
  public WandbClient(ClientSettings settings, HistoryCache cache) {
    this.transport = new GraphQlTransport(settings);
    this.baseUrl = settings.baseUrl();
    this.cache = cache;
  }

  /** The key's user and default entity; a key W&B does not know yields no viewer. */
  public Viewer viewer() {
    GraphQlDocument document = GraphQlDocument.VIEWER;
    JsonNode viewer =
        transport.execute(document, WandbJson.MAPPER.createObjectNode()).get("viewer");
    if (viewer == null || viewer.isNull()) {
      throw new WandbAuthenticationException(
          "W&B does not recognise the API key (no viewer). "
              + "Check the apiKey / password property, WANDB_API_KEY or the netrc entry.",
          document.operationName(),
          200);
    }
    List<String> teams = new ArrayList<>();
    viewer
        .path("teams")
        .path("edges")
        .forEach(
            edge -> {
              String team = WandbJson.text(edge.path("node"), "name");
              if (team != null) {
                teams.add(team);
              }
            });
    String id = WandbJson.text(viewer, "id");
    if (id == null) {
      throw WandbJson.unexpected(document.operationName(), "a viewer without id");
    }
    return new Viewer(
        id, WandbJson.text(viewer, "username"), WandbJson.text(viewer, "entity"), teams);
  }

  /** Every project of {@code entity}, read in pages of 200. */
  public List<ProjectInfo> projects(String entity) {
    GraphQlDocument document = GraphQlDocument.GET_PROJECTS;
    List<ProjectInfo> projects = new ArrayList<>();
    String cursor = null;
    while (true) {
      ObjectNode variables =
          WandbJson.MAPPER
              .createObjectNode()
              .put("entity", entity)
              .put("cursor", cursor)
              .put("perPage", PROJECTS_PER_PAGE);
      JsonNode models = transport.execute(document, variables).get("models");
      if (models == null || models.isNull()) {
        throw new WandbNotFoundException(
            "W&B entity "
                + entity
                + " was not found, or the API key "
                + "cannot see it. Check the entity name.",
            document.operationName(),
            200);
      }
      JsonNode edges = models.path("edges");
      edges.forEach(edge -> projects.add(project(edge.path("node"), document)));
      if (!models.path("pageInfo").path("hasNextPage").asBoolean(false)) {
        return projects;
      }
      cursor =
          CursorCheck.advance(
              cursor, WandbJson.text(models.path("pageInfo"), "endCursor"), document);
    }
  }

  /** One project, empty when W&B has none of that name (or the key cannot see it). */
  public Optional<ProjectInfo> project(String entity, String name) {
    GraphQlDocument document = GraphQlDocument.GET_PROJECT;
    ObjectNode variables =
        WandbJson.MAPPER.createObjectNode().put("name", name).put("entity", entity);
    JsonNode project = transport.execute(document, variables).get("project");
    return project == null || project.isNull()
        ? Optional.empty()
        : Optional.of(project(project, document));
  }

  /** The runs of {@code query}; lazy, so nothing is sent before the first {@code hasNext()}. */
  public RunIterator runs(RunQuery query) {
    return new RunIterator(new RunPageReader(transport, query), query);
  }

  /** How many runs match {@code filter} ({@code {}} or null = all), without fetching any. */
  public long runCount(String entity, String project, ObjectNode filter) {
    return runCount(entity, project, filter, new Cancellation());
  }

  /** As {@link #runCount(String, String, ObjectNode)}; cancelling {@code scope} aborts it. */
  public long runCount(String entity, String project, ObjectNode filter, Cancellation scope) {
    GraphQlDocument document = GraphQlDocument.RUN_COUNT;
    ObjectNode variables =
        WandbJson.MAPPER
            .createObjectNode()
            .put("project", project)
            .put("entity", entity)
            .put(
                "filters",
                RunPageReader.filterString(
                    filter == null ? WandbJson.MAPPER.createObjectNode() : filter));
    JsonNode projectNode = transport.execute(document, variables, scope).get("project");
    if (projectNode == null || projectNode.isNull()) {
      throw RunPageReader.projectNotFound(document.operationName(), entity, project);
    }
    JsonNode count = projectNode.get("runCount");
    if (count == null || !count.canConvertToLong()) {
      throw WandbJson.unexpected(document.operationName(), "project.runCount is missing");
    }
    return count.asLong();
  }

  /**
   * One page of {@code query}'s runs: the first {@code first} in its order (at most a page of its
   * width), and whether W&B has more. For a reader that decides after each page what to ask next,
   * where {@link #runs} would read on by itself. Cancelling {@code scope} aborts it.
   */
  public RunPage runPage(RunQuery query, int first, Cancellation scope) {
    return new RunPageReader(transport, query)
        .read(null, Math.max(1, Math.min(first, query.rowsPerPage())), scope);
  }

  /**
   * How many runs match each of 1 to {@link #COUNTS_PER_REQUEST} filters, in one request (one
   * aliased {@code runCount} per filter); cancelling {@code scope} aborts it.
   */
  public long[] runCounts(
      String entity, String project, List<ObjectNode> filters, Cancellation scope) {
    if (filters.isEmpty() || filters.size() > COUNTS_PER_REQUEST) {
      throw new IllegalArgumentException(
          "runCounts takes 1 to " + COUNTS_PER_REQUEST + " filters, not " + filters.size());
    }
    GraphQlDocument document = GraphQlDocument.RUN_COUNTS;
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
    JsonNode projectNode = transport.execute(document, variables, scope).get("project");
    if (projectNode == null || projectNode.isNull()) {
      throw RunPageReader.projectNotFound(document.operationName(), entity, project);
    }
    long[] counts = new long[filters.size()];
    for (int i = 0; i < counts.length; i++) {
      JsonNode count = projectNode.get("count" + i);
      if (count == null || !count.canConvertToLong()) {
        throw WandbJson.unexpected(document.operationName(), "project.count" + i + " is missing");
      }
      counts[i] = count.asLong();
    }
    return counts;
  }

  /**
   * The rows of {@code query}; lazy, so nothing is sent before the first {@code hasNext()}. Closing
   * the iterator stops its worker threads and their requests.
   */
  public HistoryRowIterator histories(HistoryQuery query) {
    return new HistoryRowIterator(
        () -> {
          HistoryReadPlanner plan = new HistoryReadPlanner(query);
          return new HistoryReadAhead(
              new HistoryBatchReader(transport, query.entity(), query.project()),
              plan,
              new HistoryCacheScope(cache, baseUrl, query, plan),
              runs(query.runListing(cache.enabled())),
              query.concurrency(),
              query.rowGoal(),
              query.ordered());
        });
  }

  /**
   * Cancels this client's requests in flight and retry waits, and refuses new ones. The HTTP
   * connection pool is shared by all clients and stays up for them.
   */
  @Override
  public void close() {
    transport.close();
  }

  /** Whether {@link #close()} was called (a request that failed since then was cut off by it). */
  public boolean isClosed() {
    return transport.isClosed();
  }

  private static ProjectInfo project(JsonNode node, GraphQlDocument document) {
    String operation = document.operationName();
    String entity = WandbJson.text(node, "entityName");
    String name = WandbJson.text(node, "name");
    if (entity == null || name == null) {
      throw WandbJson.unexpected(operation, "a project without name or entityName");
    }
    return new ProjectInfo(
        entity, name, WandbJson.instant(node.get("createdAt"), "createdAt", operation));
  }
}
