package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.histories.HistorySpec;
import io.github.wandbjdbc.client.runs.RunListings;
import io.github.wandbjdbc.client.transport.GraphQlDocument;
import io.github.wandbjdbc.client.transport.GraphQlTransport;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.List;
import java.util.function.Consumer;

/**
 * The histories benchmark's baseline: what the official client's {@code scan_history(keys=[k])}
 * sends, run after run: the run's {@code RunHistoryKeys}, then one {@code RunSampledHistory}
 * request per 1,000-step window. It goes through this project's transport (one for the listing and
 * the histories), so retries and rate-limit waits are the driver's; its documents are test
 * resources, since the driver sends neither.
 */
public final class ScanHistoryBaseline implements AutoCloseable {
  private static final int WINDOW = 1000;
  private static final GraphQlDocument HISTORY_KEYS = document("RunHistoryKeys");
  private static final GraphQlDocument SAMPLED_HISTORY = document("RunSampledHistory");

  private final GraphQlTransport transport;

  public ScanHistoryBaseline(ClientSettings settings) {
    this.transport = new GraphQlTransport(settings);
  }

  /** The runs of {@code query}, as {@link WandbClient#runs} lists them. */
  public RunIterator runs(RunQuery query) {
    return new RunListings(transport).runs(query, new RequestBudget(0));
  }

  /** Hands over the rows of {@code run} holding {@code key}, each with {@code _step} and it. */
  public void scan(
      String entity, String project, String run, String key, Consumer<ObjectNode> rows) {
    JsonNode historyKeys =
        WandbJson.decodeJsonString(
            runNode(HISTORY_KEYS, variables(entity, project, run)).get("historyKeys"),
            "historyKeys",
            HISTORY_KEYS.operationName());
    JsonNode lastStep = historyKeys.path("lastStep");
    long end = lastStep.canConvertToLong() ? lastStep.asLong() + 1 : 0;
    for (long min = 0; min < end; min += WINDOW) {
      ObjectNode variables = variables(entity, project, run);
      variables
          .putArray("specs")
          .add(new HistorySpec(List.of("_step", key), WINDOW, min, min + WINDOW - 1).toJson());
      String operation = SAMPLED_HISTORY.operationName();
      JsonNode lists =
          WandbJson.decodeJsonString(
              runNode(SAMPLED_HISTORY, variables).get("sampledHistory"),
              "sampledHistory",
              operation);
      lists
          .path(0)
          .forEach(row -> rows.accept(WandbJson.objectField(row, "sampledHistory", operation)));
    }
  }

  @Override
  public void close() {
    transport.close();
  }

  private JsonNode runNode(GraphQlDocument document, ObjectNode variables) {
    JsonNode run = transport.execute(document, variables).path("project").path("run");
    if (!run.isObject()) {
      throw WandbJson.unexpected(document.operationName(), "no such project or run");
    }
    return run;
  }

  private static ObjectNode variables(String entity, String project, String run) {
    return WandbJson.MAPPER
        .createObjectNode()
        .put("entity", entity)
        .put("project", project)
        .put("name", run);
  }

  private static GraphQlDocument document(String operationName) {
    return GraphQlDocument.load(ScanHistoryBaseline.class, operationName);
  }
}
