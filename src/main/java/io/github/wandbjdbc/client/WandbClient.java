package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * W&B's public GraphQL API, as the SQL adapter needs it: the viewer, projects, lazily paged run
 * listings, run counts and run histories. Thread-safe: one client can serve parallel requests.
 * Every method throws a {@link WandbException} subclass on failure.
 */
public final class WandbClient implements AutoCloseable {

  private static final int PROJECTS_PER_PAGE = 200;

  private final GraphQlTransport transport;

  public WandbClient(ClientSettings settings) {
    this.transport = new GraphQlTransport(settings);
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

  /** A run's history keys and last step. */
  public HistoryKeys historyKeys(String entity, String project, String run) {
    GraphQlDocument document = GraphQlDocument.RUN_HISTORY_KEYS;
    JsonNode runNode =
        runNode(document, runVariables(entity, project, "name", run), entity, project, run);
    JsonNode historyKeys =
        WandbJson.decodeJsonString(
            runNode.get("historyKeys"), "historyKeys", document.operationName());
    JsonNode lastStep = historyKeys.path("lastStep");
    JsonNode keys = historyKeys.path("keys");
    return new HistoryKeys(
        lastStep.canConvertToLong() ? lastStep.asLong() : -1,
        keys.isObject() ? (ObjectNode) keys : WandbJson.MAPPER.createObjectNode());
  }

  /**
   * The history rows of one step window (minStep inclusive, maxStep exclusive). W&B returns every
   * row of the window only when {@code samples} is at least its width; otherwise it may sample.
   */
  public List<ObjectNode> history(HistoryWindow window) {
    GraphQlDocument document = GraphQlDocument.HISTORY_PAGE;
    ObjectNode variables =
        runVariables(window.entity(), window.project(), "run", window.run())
            .put("minStep", window.minStep())
            .put("maxStep", window.maxStep())
            .put("pageSize", window.samples());
    JsonNode runNode =
        runNode(document, variables, window.entity(), window.project(), window.run());
    return rows(runNode.get("history"), "history", document.operationName());
  }

  /**
   * Server-sampled history, one row list per spec (in the order of {@code specs}); each spec's rows
   * hold only its keys, and only rows that have all of them.
   */
  public List<List<ObjectNode>> sampledHistory(
      String entity, String project, String run, List<HistorySpec> specs) {
    if (specs.isEmpty()) {
      return List.of();
    }
    GraphQlDocument document = GraphQlDocument.RUN_SAMPLED_HISTORY;
    ObjectNode variables = runVariables(entity, project, "name", run);
    ArrayNode specStrings = variables.putArray("specs");
    specs.forEach(spec -> specStrings.add(spec.toJson()));
    JsonNode runNode = runNode(document, variables, entity, project, run);
    String operation = document.operationName();
    JsonNode sampled =
        WandbJson.decodeJsonString(runNode.get("sampledHistory"), "sampledHistory", operation);
    if (!sampled.isArray() || sampled.size() != specs.size()) {
      throw WandbJson.unexpected(operation, "sampledHistory does not hold one list per spec");
    }
    List<List<ObjectNode>> result = new ArrayList<>(specs.size());
    sampled.forEach(rows -> result.add(rows(rows, "sampledHistory", operation)));
    return result;
  }

  /** The run's system-metrics stream, sampled by W&B to about {@code samples} rows. */
  public List<ObjectNode> events(String entity, String project, String run, int samples) {
    GraphQlDocument document = GraphQlDocument.RUN_EVENTS;
    ObjectNode variables = runVariables(entity, project, "name", run).put("samples", samples);
    JsonNode runNode = runNode(document, variables, entity, project, run);
    return rows(runNode.get("events"), "events", document.operationName());
  }

  /**
   * A reader of {@code entity/project}'s histories in batched requests, usable from several
   * threads; closing it cancels its requests in flight.
   */
  public HistoryReader historyReader(String entity, String project) {
    return new HistoryReader(transport, entity, project);
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

  private static ObjectNode runVariables(
      String entity, String project, String runVariable, String run) {
    return WandbJson.MAPPER
        .createObjectNode()
        .put("entity", entity)
        .put("project", project)
        .put(runVariable, run);
  }

  private JsonNode runNode(
      GraphQlDocument document, ObjectNode variables, String entity, String project, String run) {
    String operation = document.operationName();
    JsonNode projectNode = transport.execute(document, variables).get("project");
    if (projectNode == null || projectNode.isNull()) {
      throw RunPageReader.projectNotFound(operation, entity, project);
    }
    JsonNode runNode = projectNode.get("run");
    if (runNode == null || runNode.isNull()) {
      throw new WandbNotFoundException(
          "W&B run "
              + entity
              + "/"
              + project
              + "/"
              + run
              + " was not found. Check the run id (the run's name, not its display name).",
          operation,
          200);
    }
    return runNode;
  }

  /** History rows: each a JSON string (history, events) or an object (sampledHistory). */
  static List<ObjectNode> rows(JsonNode list, String field, String operation) {
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw WandbJson.unexpected(operation, field + " is not a list");
    }
    List<ObjectNode> rows = new ArrayList<>(list.size());
    list.forEach(row -> rows.add(WandbJson.objectField(row, field, operation)));
    return rows;
  }
}
