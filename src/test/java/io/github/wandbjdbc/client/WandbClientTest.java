package io.github.wandbjdbc.client;

import static io.github.wandbjdbc.client.ScriptedWandbServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decoding of every operation's response, and the variables each sends. */
class WandbClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptedWandbServer server;
  private WandbClient client;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedWandbServer();
    client = new WandbClient(TestSettings.fast(server.baseUrl()));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private ObjectNode lastVariables() {
    List<ScriptedWandbServer.Recorded> requests = server.requests();
    return requests.get(requests.size() - 1).variables();
  }

  private String lastOperation() {
    List<ScriptedWandbServer.Recorded> requests = server.requests();
    return requests.get(requests.size() - 1).operationName();
  }

  private static ObjectNode json(String text) throws IOException {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void decodesAFullRunWithUnwrappedConfigAndNonFiniteNumbers() throws IOException {
    ObjectNode node =
        RunPages.runNode("abc12345")
            .put("state", "crashed")
            .put("group", "sweep-a")
            .put("jobType", "train")
            .put("sweepName", "sw1")
            .put("commit", "deadbeef")
            .put("notes", "n")
            .put("description", "d")
            .put("createdAt", "2023-11-05T17:46:35")
            .put("heartbeatAt", "2023-11-05T18:00:00.250Z")
            .put("historyLineCount", 42)
            .put(
                "config",
                "{\"lr\": {\"value\": 0.001, \"desc\": null}, \"opt\": \"adam\","
                    + " \"model\": {\"value\": {\"layers\": 3}}, \"_wandb\": {\"value\": {\"t\": 1}},"
                    + " \"wandb_version\": 1}")
            .put(
                "summaryMetrics",
                "{\"loss\": NaN, \"best\": Infinity, \"worst\": -Infinity,"
                    + " \"note\": \"tab\there\"}")
            .putNull("systemMetrics");
    node.putArray("tags").add("baseline").add("v2");
    node.putObject("user").put("username", "ada");
    node.set("historyKeys", json("{\"lastStep\": 9, \"keys\": {\"loss\": {}}}"));
    server.enqueue(ok(RunPages.page(List.of(node), 0, false)));

    List<Run> runs = new ArrayList<>();
    client
        .runs(
            new RunQuery(
                "acme",
                "mnist",
                null,
                null,
                10,
                -1,
                RunSelection.of(EnumSet.allOf(RunField.class))))
        .forEachRemaining(runs::add);

    assertEquals(1, runs.size());
    Run run = runs.get(0);
    assertEquals("id-abc12345", run.id());
    assertEquals("abc12345", run.name());
    assertEquals("display-abc12345", run.displayName());
    assertEquals("crashed", run.state());
    assertEquals(List.of("baseline", "v2"), run.tags());
    assertEquals("sweep-a", run.group());
    assertEquals("train", run.jobType());
    assertEquals("sw1", run.sweepName());
    assertEquals("deadbeef", run.commit());
    assertEquals("n", run.notes());
    assertEquals("d", run.description());
    assertEquals(Instant.parse("2023-11-05T17:46:35Z"), run.createdAt());
    assertEquals(Instant.parse("2023-11-05T18:00:00.250Z"), run.heartbeatAt());
    assertEquals(42L, run.historyLineCount());
    assertEquals("ada", run.username());
    assertEquals(
        json("{\"lr\": 0.001, \"opt\": \"adam\", \"model\": {\"layers\": 3}}"), run.config());
    assertTrue(Double.isNaN(run.summaryMetrics().get("loss").doubleValue()));
    assertEquals(Double.POSITIVE_INFINITY, run.summaryMetrics().get("best").doubleValue());
    assertEquals(Double.NEGATIVE_INFINITY, run.summaryMetrics().get("worst").doubleValue());
    assertEquals("tab\there", run.summaryMetrics().get("note").asText());
    assertEquals(JSON.createObjectNode(), run.systemMetrics());
    assertEquals(9, run.historyKeys().get("lastStep").asInt());
  }

  @Test
  void acceptsHeavyFieldsSentAsObjectsAndOffsetsInDates() throws IOException {
    ObjectNode node = RunPages.runNode("r1").put("createdAt", "2024-03-01T12:00:00+02:00");
    node.set("summaryMetrics", json("{\"acc\": 0.9}"));
    node.put("historyKeys", "{\"lastStep\": 3}");
    node.putNull("tags");
    server.enqueue(ok(RunPages.page(List.of(node), 0, false)));

    Run run =
        client
            .runs(
                new RunQuery(
                    "acme",
                    "mnist",
                    null,
                    null,
                    10,
                    -1,
                    RunSelection.lightweightWith(
                        Set.of(RunField.SUMMARY_METRICS, RunField.HISTORY_KEYS))))
            .next();

    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), run.createdAt());
    assertEquals(json("{\"acc\": 0.9}"), run.summaryMetrics());
    assertEquals(json("{\"lastStep\": 3}"), run.historyKeys());
    assertEquals(List.of(), run.tags());
    assertNull(run.config(), "config was not requested");
    assertNull(run.systemMetrics(), "systemMetrics was not requested");
    assertNull(run.heartbeatAt());
    assertNull(run.username());
  }

  @Test
  void projectsPageThroughModelsWithEndCursor() {
    server.enqueue(
        ok(
            "{\"data\":{\"models\":{\"pageInfo\":{\"endCursor\":\"p1\",\"hasNextPage\":true},"
                + "\"edges\":[{\"node\":{\"id\":\"1\",\"name\":\"mnist\",\"entityName\":\"acme\","
                + "\"createdAt\":\"2024-01-02T03:04:05\"}}]}}}"),
        ok(
            "{\"data\":{\"models\":{\"pageInfo\":{\"endCursor\":\"p2\",\"hasNextPage\":false},"
                + "\"edges\":[{\"node\":{\"id\":\"2\",\"name\":\"cifar-10\",\"entityName\":\"acme\","
                + "\"createdAt\":\"2024-02-02T03:04:05Z\"}}]}}}"));

    List<ProjectInfo> projects = client.projects("acme");

    assertEquals(
        List.of(
            new ProjectInfo("acme", "mnist", Instant.parse("2024-01-02T03:04:05Z")),
            new ProjectInfo("acme", "cifar-10", Instant.parse("2024-02-02T03:04:05Z"))),
        projects);
    List<ScriptedWandbServer.Recorded> requests = server.requests();
    assertEquals("GetProjects", requests.get(0).operationName());
    assertTrue(requests.get(0).variables().get("cursor").isNull());
    assertEquals(200, requests.get(0).variables().get("perPage").asInt());
    assertEquals("acme", requests.get(0).variables().get("entity").asText());
    assertEquals("p1", requests.get(1).variables().get("cursor").asText());
  }

  @Test
  void projectIsEmptyWhenWandbHasNone() {
    server.enqueue(
        ok("{\"data\":{\"project\":null}}"),
        ok(
            "{\"data\":{\"project\":{\"id\":\"1\",\"name\":\"mnist\",\"entityName\":\"acme\","
                + "\"createdAt\":\"2024-01-02T03:04:05\"}}}"));

    assertEquals(Optional.empty(), client.project("acme", "nope"));
    assertEquals(
        Optional.of(new ProjectInfo("acme", "mnist", Instant.parse("2024-01-02T03:04:05Z"))),
        client.project("acme", "mnist"));
    assertEquals("GetProject", lastOperation());
    assertEquals("mnist", lastVariables().get("name").asText());
  }

  @Test
  void runCountSendsOnlyTheFilterAndReadsTheCount() {
    server.enqueue(ok("{\"data\":{\"project\":{\"runCount\":137}}}"));
    ObjectNode filter = JsonNodeFactory.instance.objectNode().put("state", "running");

    assertEquals(137, client.runCount("acme", "mnist", filter));

    ScriptedWandbServer.Recorded request = server.requests().get(0);
    assertEquals("RunCount", request.operationName());
    assertEquals("{\"state\":\"running\"}", request.variables().get("filters").asText());
    String document = request.body().get("query").asText();
    assertTrue(document.contains("runCount(filters: $filters)"), document);
    assertFalse(document.contains("edges"), "no run payload: " + document);
  }

  @Test
  void runCountOfAMissingProjectNamesIt() {
    server.enqueue(ok("{\"data\":{\"project\":null}}"));

    WandbNotFoundException e =
        assertThrows(
            WandbNotFoundException.class,
            () -> client.runCount("acme", "gone", JsonNodeFactory.instance.objectNode()));

    assertTrue(e.getMessage().contains("acme/gone"), e.getMessage());
    assertEquals("RunCount", e.operation());
  }
}
