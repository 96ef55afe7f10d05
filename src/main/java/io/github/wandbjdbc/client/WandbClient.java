package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.cache.HistoryCache;
import io.github.wandbjdbc.client.histories.HistoryEngine;
import io.github.wandbjdbc.client.runs.RunListings;
import io.github.wandbjdbc.client.transport.CursorCheck;
import io.github.wandbjdbc.client.transport.FileDownloads;
import io.github.wandbjdbc.client.transport.GraphQlDocument;
import io.github.wandbjdbc.client.transport.GraphQlTransport;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * W&B's public GraphQL API, as the SQL adapter needs it: the viewer, projects, lazily paged run
 * listings, run counts and lazily read run histories. Thread-safe: one client can serve parallel
 * requests. Every method throws a {@link WandbException} subclass on failure.
 */
public final class WandbClient implements AutoCloseable {
  private static final int PROJECTS_PER_PAGE = 200;

  private static final GraphQlDocument VIEWER = GraphQlDocument.load(WandbClient.class, "Viewer");
  private static final GraphQlDocument GET_PROJECTS =
      GraphQlDocument.load(WandbClient.class, "GetProjects");
  private static final GraphQlDocument GET_PROJECT =
      GraphQlDocument.load(WandbClient.class, "GetProject");

  private final GraphQlTransport transport;
  private final RunListings listings;
  private final HistoryEngine histories;

  public WandbClient(ClientSettings settings) {
    this(settings, HistoryCacheSettings.OFF);
  }

  /** A client whose history reads of finished runs go through the cache {@code cache} describes. */
  public WandbClient(ClientSettings settings, HistoryCacheSettings cache) {
    this.transport = new GraphQlTransport(settings);
    this.listings = new RunListings(transport);
    this.histories =
        new HistoryEngine(
            transport,
            new FileDownloads(settings),
            listings,
            HistoryCache.of(cache),
            settings.baseUrl());
  }

  /** The key's user and default entity; a key W&B does not know yields no viewer. */
  public Viewer viewer() {
    GraphQlDocument document = VIEWER;
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
    GraphQlDocument document = GET_PROJECTS;
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
    GraphQlDocument document = GET_PROJECT;
    ObjectNode variables =
        WandbJson.MAPPER.createObjectNode().put("name", name).put("entity", entity);
    JsonNode project = transport.execute(document, variables).get("project");
    return project == null || project.isNull()
        ? Optional.empty()
        : Optional.of(project(project, document));
  }

  /**
   * The runs of {@code query}, in its {@link MetricOrder} when it has one; lazy, so nothing is sent
   * before the first {@code hasNext()}.
   */
  public RunIterator runs(RunQuery query) {
    return runs(query, new RequestBudget(0));
  }

  /** As {@link #runs(RunQuery)}, spending from {@code budget}. */
  public RunIterator runs(RunQuery query, RequestBudget budget) {
    return listings.runs(query, budget);
  }

  /** How many runs match {@code filter} ({@code {}} or null = all), without fetching any. */
  public long runCount(String entity, String project, ObjectNode filter) {
    return runCount(entity, project, filter, new Cancellation());
  }

  /** As {@link #runCount(String, String, ObjectNode)}; cancelling {@code scope} aborts it. */
  public long runCount(String entity, String project, ObjectNode filter, Cancellation scope) {
    return listings.count(
        entity, project, filter == null ? WandbJson.MAPPER.createObjectNode() : filter, scope);
  }

  /**
   * The rows of {@code query}; lazy, so nothing is sent before the first {@code hasNext()}. Closing
   * the iterator stops its worker threads and their requests.
   */
  public HistoryRowIterator histories(HistoryQuery query) {
    return histories(query, new RequestBudget(0));
  }

  /** As {@link #histories(HistoryQuery)}, spending from {@code budget}. */
  public HistoryRowIterator histories(HistoryQuery query, RequestBudget budget) {
    return histories.read(query, budget);
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
