package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Binds the schema's fields to the dataset. Types not wired here are records read by name. */
final class SchemaWiring {
  private final EmulatedDataset dataset;
  private final RunHistory history;
  private final int maxRunsPerPage;
  private final RunListing listing;
  private final ExportCatalog exports;

  SchemaWiring(EmulatedDataset dataset, EmulatorConfig config, ExportCatalog exports) {
    this.exports = exports;
    this.dataset = dataset;
    this.history = new RunHistory(config.maxHistorySamples());
    this.maxRunsPerPage = config.maxRunsPerPage();
    this.listing = new RunListing(config.valueOrder());
  }

  RuntimeWiring build() {
    return RuntimeWiring.newRuntimeWiring()
        .scalar(EmulatorScalars.JSON_STRING)
        .scalar(EmulatorScalars.JSON)
        .scalar(EmulatorScalars.INT64)
        .scalar(EmulatorScalars.DATE_TIME_SCALAR)
        .type(query())
        .type(project())
        .type(run())
        .build();
  }

  private TypeRuntimeWiring.Builder query() {
    // An unknown entity is null, like an unknown project, not an empty list: an entity may
    // really have no projects, and a client must be able to tell a misspelt name from that.
    DataFetcher<?> projects =
        env ->
            entityMatches(env)
                ? OffsetConnection.page(
                    projectRefs(), env.getArgument("first"), env.getArgument("after"))
                : null;
    DataFetcher<?> project =
        env -> {
          if (!entityMatches(env)) {
            return null;
          }
          String name = env.getArgument("name");
          return projectRefs().stream()
              .filter(p -> p.project().name().equals(name))
              .findFirst()
              .orElse(null);
        };
    return TypeRuntimeWiring.newTypeWiring("Query")
        .dataFetcher("viewer", env -> UserView.viewer(dataset))
        .dataFetcher("models", projects)
        .dataFetcher("projects", projects)
        .dataFetcher("project", project)
        .dataFetcher("model", project);
  }

  private TypeRuntimeWiring.Builder project() {
    DataFetcher<?> run = env -> listing.run(env.getSource(), env.getArgument("name"));
    return TypeRuntimeWiring.newTypeWiring("Project")
        .dataFetcher("id", onProject(ProjectRef::id))
        .dataFetcher("internalId", onProject(ProjectRef::internalId))
        .dataFetcher("name", onProject(p -> p.project().name()))
        .dataFetcher("entityName", onProject(p -> p.project().entity()))
        .dataFetcher("createdAt", onProject(p -> p.project().createdAt()))
        .dataFetcher("isBenchmark", env -> false)
        .dataFetcher("readOnly", env -> false)
        .dataFetcher("user", env -> UserView.viewer(dataset))
        .dataFetcher("runCount", env -> listing.count(env.getSource(), env.getArgument("filters")))
        .dataFetcher(
            "runs",
            env ->
                listing.runs(
                    env.getSource(),
                    env.getArgument("filters"),
                    env.getArgument("order"),
                    cappedFirst(env.getArgument("first")),
                    env.getArgument("after")))
        .dataFetcher("run", run)
        .dataFetcher("bucket", run);
  }

  private TypeRuntimeWiring.Builder run() {
    return TypeRuntimeWiring.newTypeWiring("Run")
        .dataFetcher("id", env -> ((RunRef) env.getSource()).id())
        .dataFetcher("name", onRun(EmulatedRun::name))
        .dataFetcher("displayName", onRun(EmulatedRun::displayName))
        .dataFetcher("state", onRun(EmulatedRun::state))
        .dataFetcher("tags", onRun(EmulatedRun::tags))
        .dataFetcher("group", onRun(EmulatedRun::group))
        .dataFetcher("jobType", onRun(EmulatedRun::jobType))
        .dataFetcher("sweepName", onRun(EmulatedRun::sweepName))
        .dataFetcher("commit", onRun(EmulatedRun::commit))
        .dataFetcher("host", onRun(EmulatedRun::host))
        .dataFetcher("readOnly", env -> false)
        .dataFetcher("createdAt", onRun(EmulatedRun::createdAt))
        .dataFetcher("heartbeatAt", onRun(EmulatedRun::heartbeatAt))
        .dataFetcher("description", onRun(EmulatedRun::description))
        .dataFetcher("notes", onRun(EmulatedRun::notes))
        .dataFetcher("historyLineCount", onRun(r -> r.history().size()))
        .dataFetcher("eventsLineCount", onRun(r -> r.events().size()))
        .dataFetcher("user", onRun(UserView::author))
        .dataFetcher("projectId", env -> ((RunRef) env.getSource()).project().number())
        .dataFetcher("config", env -> subset(run(env).config(), env.getArgument("keys")))
        .dataFetcher("summaryMetrics", env -> subset(run(env).summary(), env.getArgument("keys")))
        .dataFetcher("systemMetrics", onRun(EmulatedRun::systemMetrics))
        .dataFetcher("historyKeys", onRun(HistoryKeys::of))
        .dataFetcher(
            "history",
            env ->
                history.history(
                    run(env), samples(env), env.getArgument("minStep"), env.getArgument("maxStep")))
        .dataFetcher("events", env -> history.events(run(env), samples(env)))
        .dataFetcher(
            "sampledHistory",
            env -> history.sampledHistory(run(env), env.<List<?>>getArgument("specs")))
        .dataFetcher("parquetHistory", this::parquetHistory);
  }

  private Map<String, Object> parquetHistory(DataFetchingEnvironment env) {
    RunRef ref = env.getSource();
    EmulatedProject project = ref.project().project();
    return exports.parquetHistory(
        new ExportCatalog.RunKey(project.entity(), project.name(), ref.run().name()),
        ref.run(),
        env.getArgument("liveKeys"));
  }

  /** A capped page still announces the rest (hasNextPage, cursors), as a server limit would. */
  private Integer cappedFirst(Integer first) {
    if (maxRunsPerPage == 0) {
      return first;
    }
    int asked = first == null ? OffsetConnection.DEFAULT_PAGE_SIZE : first;
    return Math.min(asked, maxRunsPerPage);
  }

  private boolean entityMatches(DataFetchingEnvironment env) {
    String entity = env.getArgument("entityName");
    return entity == null || entity.equals(dataset.entity());
  }

  private List<ProjectRef> projectRefs() {
    List<ProjectRef> refs = new ArrayList<>();
    for (EmulatedProject project : dataset.projects()) {
      refs.add(new ProjectRef(project, refs.size() + 1));
    }
    return refs;
  }

  private static int samples(DataFetchingEnvironment env) {
    Integer samples = env.getArgument("samples");
    return samples == null ? 500 : samples;
  }

  private static ObjectNode subset(ObjectNode object, Collection<String> keys) {
    if (keys == null) {
      return object;
    }
    ObjectNode subset = JsonNodeFactory.instance.objectNode();
    keys.stream().filter(object::has).forEach(key -> subset.set(key, object.get(key)));
    return subset;
  }

  private static EmulatedRun run(DataFetchingEnvironment env) {
    return ((RunRef) env.getSource()).run();
  }

  private static DataFetcher<?> onRun(Function<EmulatedRun, ?> field) {
    return env -> field.apply(run(env));
  }

  private static DataFetcher<?> onProject(Function<ProjectRef, ?> field) {
    return env -> field.apply(env.getSource());
  }
}
