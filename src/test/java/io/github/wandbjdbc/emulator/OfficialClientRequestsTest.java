package io.github.wandbjdbc.emulator;

import static io.github.wandbjdbc.emulator.EmulatorHttp.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The requests the official client sends (wandb-api.md §10) get the fields it depends on. */
class OfficialClientRequestsTest {
  private static WandbEmulator emulator;
  private static EmulatorHttp http;

  @BeforeAll
  static void start() {
    List<EmulatedRun> runs = new ArrayList<>(TestData.runs(4));
    runs.add(TestData.run("r04", 4, TestData.steps(10)));
    emulator = WandbEmulator.start(EmulatorConfig.defaults(), TestData.dataset(runs));
    http = new EmulatorHttp(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static ObjectNode project() {
    return vars().put("project", "demo").put("entity", "acme");
  }

  @Test
  void viewerNamesTheDefaultEntity() {
    JsonNode viewer =
        http.query(OfficialClientDocuments.VIEWER, null, "Viewer").data().get("viewer");
    assertEquals("acme", viewer.get("entity").asText());
    assertEquals("alice", viewer.get("username").asText());
    assertEquals("{}", viewer.get("flags").asText());
    assertEquals("acme", viewer.at("/teams/edges/0/node/name").asText());

    JsonNode entity =
        http.query(OfficialClientDocuments.DEFAULT_ENTITY, vars(), "").data().get("viewer");
    assertEquals("acme", entity.get("entity").asText());
    assertTrue(entity.get("id").isTextual());
  }

  @Test
  void runsPageWithLightweightFragmentAndEmptyOperationName() {
    ObjectNode variables =
        project()
            .put("order", "+created_at")
            .put("filters", "{}")
            .put("perPage", 50)
            .putNull("cursor");
    JsonNode project =
        http.query(OfficialClientDocuments.RUNS_LIGHTWEIGHT, variables, "").data().get("project");

    assertEquals(5, project.get("runCount").asInt());
    assertFalse(project.get("readOnly").asBoolean());
    assertTrue(project.get("internalId").isTextual());
    JsonNode edges = project.at("/runs/edges");
    assertEquals(5, edges.size());
    for (int i = 0; i < 5; i++) {
      JsonNode edge = edges.get(i);
      assertEquals(OffsetConnection.encode(i), edge.get("cursor").asText());
      JsonNode node = edge.get("node");
      assertEquals("r0" + i, node.get("name").asText());
      assertEquals("finished", node.get("state").asText());
      assertEquals("display-r0" + i, node.get("displayName").asText());
      assertEquals(1, node.get("projectId").asInt());
      assertTrue(node.get("projectId").isInt());
      assertEquals("2024-03-01T12:0" + i + ":00", node.get("createdAt").asText());
      assertEquals("2024-03-01T12:0" + i + ":30", node.get("heartbeatAt").asText());
      assertEquals("Alice A.", node.at("/user/name").asText());
      assertEquals("alice", node.at("/user/username").asText());
      assertEquals("baseline", node.at("/tags/0").asText());
      assertFalse(node.has("config"));
    }
    assertEquals(10, edges.get(4).at("/node/historyLineCount").asInt());
    assertEquals(OffsetConnection.encode(4), project.at("/runs/pageInfo/endCursor").asText());
    assertFalse(project.at("/runs/pageInfo/hasNextPage").asBoolean());
    assertEquals("Runs", lastRecorded().operationName());
  }

  @Test
  void runsPageWithFullFragmentAndNoOperationName() throws Exception {
    ObjectNode variables = project().put("order", "+created_at").put("filters", "{}");
    JsonNode node =
        http.query(OfficialClientDocuments.RUNS_FULL, variables)
            .data()
            .at("/project/runs/edges/4/node");

    JsonNode config = JsonText.ENVELOPE.readTree(node.get("config").asText());
    assertEquals(0.01, config.at("/lr/value").asDouble());
    assertEquals("0.30.0", config.at("/_wandb/value/cli_version").asText());
    assertEquals(
        0.25,
        JsonText.ENVELOPE.readTree(node.get("summaryMetrics").asText()).get("loss").asDouble());
    assertEquals(
        12.5,
        JsonText.ENVELOPE
            .readTree(node.get("systemMetrics").asText())
            .get("system.cpu")
            .asDouble());
    assertEquals(9, node.at("/historyKeys/lastStep").asInt());
  }

  @Test
  void runQueryAndMissingRunOrProject() {
    JsonNode run =
        http.query(OfficialClientDocuments.RUN, project().put("name", "r02"), "")
            .data()
            .at("/project/run");
    assertEquals("r02", run.get("name").asText());
    assertTrue(run.get("config").isTextual());

    assertTrue(
        http.query(OfficialClientDocuments.RUN, project().put("name", "nope"), "")
            .data()
            .at("/project/run")
            .isNull());
    assertTrue(
        http.query(
                OfficialClientDocuments.RUN,
                vars().put("project", "nope").put("entity", "acme").put("name", "r02"),
                "")
            .data()
            .get("project")
            .isNull());
    assertTrue(
        http.query(
                OfficialClientDocuments.RUN,
                vars().put("project", "demo").put("entity", "other").put("name", "r02"),
                "")
            .data()
            .get("project")
            .isNull());
  }

  @Test
  void historyKeysDescribeTheLoggedKeys() {
    JsonNode keys =
        http.query(OfficialClientDocuments.HISTORY_KEYS, project().put("name", "r04"), "")
            .data()
            .at("/project/run/historyKeys");
    assertEquals(9, keys.get("lastStep").asInt());
    assertEquals(0, keys.get("sets").size());
    assertEquals(
        "{\"type\":\"number\",\"count\":10}", keys.at("/keys/_step/typeCounts/0").toString());
    assertTrue(keys.at("/keys/_step/monotonic").asBoolean());
    assertEquals(9, keys.at("/keys/_step/previousValue").asInt());
    assertEquals(0.9, keys.at("/keys/loss/previousValue").asDouble());

    JsonNode none =
        http.query(OfficialClientDocuments.HISTORY_KEYS, project().put("name", "r00"), "")
            .data()
            .at("/project/run/historyKeys");
    assertFalse(none.has("lastStep"));
    assertEquals(0, none.get("keys").size());
  }

  @Test
  void fullHistoryReturnsRowsAsJsonText() throws Exception {
    JsonNode rows =
        http.query(
                OfficialClientDocuments.FULL_HISTORY,
                project().put("name", "r04").put("samples", 500),
                "")
            .data()
            .at("/project/run/history");
    assertEquals(10, rows.size());
    assertTrue(rows.get(3).isTextual());
    assertEquals(
        "{\"_step\":3,\"loss\":0.3}", JsonText.ENVELOPE.readTree(rows.get(3).asText()).toString());
  }

  @Test
  void sampledHistoryIsOneListOfRowObjectsPerSpec() {
    ObjectNode variables = project().put("name", "r04");
    variables
        .putArray("specs")
        .add("{\"keys\": [\"_step\", \"loss\"], \"samples\": 500}")
        .add("{\"keys\": [\"loss\"], \"samples\": 2}");
    JsonNode result =
        http.query(OfficialClientDocuments.SAMPLED_HISTORY, variables, "")
            .data()
            .at("/project/run/sampledHistory");
    assertEquals(2, result.size());
    assertEquals(10, result.get(0).size());
    assertEquals("{\"_step\":7,\"loss\":0.7}", result.get(0).get(7).toString());
    assertEquals("[{\"loss\":0.0},{\"loss\":0.9}]", result.get(1).toString());
  }

  @Test
  void historyPageWindowExcludesMaxStep() throws Exception {
    JsonNode rows =
        http.query(
                OfficialClientDocuments.HISTORY_PAGE,
                vars()
                    .put("entity", "acme")
                    .put("project", "demo")
                    .put("run", "r04")
                    .put("minStep", 2)
                    .put("maxStep", 5)
                    .put("pageSize", 3),
                "HistoryPage")
            .data()
            .at("/project/run/history");
    List<Integer> steps = new ArrayList<>();
    for (JsonNode row : rows) {
      steps.add(JsonText.ENVELOPE.readTree(row.asText()).get("_step").asInt());
    }
    assertEquals(List.of(2, 3, 4), steps);
  }

  @Test
  void sampledHistoryPageWindowIncludesMaxStep() {
    ObjectNode variables =
        vars()
            .put("entity", "acme")
            .put("project", "demo")
            .put("run", "r04")
            .put(
                "spec",
                "{\"keys\": [\"loss\", \"_step\", \"_step\"], \"minStep\": 2, \"maxStep\": 5,"
                    + " \"samples\": 1000}");
    JsonNode page =
        http.query(OfficialClientDocuments.SAMPLED_HISTORY_PAGE, variables, "SampledHistoryPage")
            .data()
            .at("/project/run/sampledHistory/0");
    assertEquals(
        "[{\"loss\":0.2,\"_step\":2},{\"loss\":0.3,\"_step\":3},"
            + "{\"loss\":0.4,\"_step\":4},{\"loss\":0.5,\"_step\":5}]",
        page.toString());
  }

  @Test
  void parquetHistoryForcesTheLivePath() {
    ObjectNode variables =
        vars().put("entity", "acme").put("project", "demo").put("runName", "r04");
    variables.putArray("liveKeys").add("_step");
    JsonNode parquet =
        http.query(OfficialClientDocuments.PARQUET_HISTORY, variables, "RunParquetHistory")
            .data()
            .at("/project/run/parquetHistory");
    assertEquals("{\"parquetUrls\":[],\"liveData\":[]}", parquet.toString());
  }

  @Test
  void projectsListing() {
    JsonNode models =
        http.query(
                OfficialClientDocuments.GET_PROJECTS,
                vars().put("entity", "acme").put("perPage", 200).putNull("cursor"),
                "")
            .data()
            .get("models");
    assertEquals("demo", models.at("/edges/0/node/name").asText());
    assertEquals("empty", models.at("/edges/1/node/name").asText());
    assertEquals("Project", models.at("/edges/0/node/__typename").asText());
    assertEquals("2024-03-01T12:00:00", models.at("/edges/0/node/createdAt").asText());
    assertEquals("alice", models.at("/edges/0/node/user/username").asText());
    assertEquals(OffsetConnection.encode(1), models.at("/pageInfo/endCursor").asText());
    assertFalse(models.at("/pageInfo/hasNextPage").asBoolean());
  }

  @Test
  void introspectionProbesSeeTheOptionalFields() {
    assertTrue(
        fieldNames(
                http.query(OfficialClientDocuments.PROBE_PROJECT, null).data().get("ProjectType"))
            .contains("internalId"));
    assertTrue(
        fieldNames(http.query(OfficialClientDocuments.PROBE_RUN, null).data().get("RunType"))
            .contains("projectId"));
  }

  @Test
  void operationNameSelectsAmongSeveralAndUnnamedOperationsAreNamedByRootFields() {
    String twoOperations = "query A { viewer { id } } query B { viewer { entity } }";
    assertEquals(
        "acme", http.query(twoOperations, vars(), "B").data().at("/viewer/entity").asText());
    assertEquals("B", lastRecorded().operationName());

    JsonNode aliased =
        http.query("{ me: viewer { username } demo: project(name: \"demo\") { name } }", null)
            .data();
    assertEquals("alice", aliased.at("/me/username").asText());
    assertEquals("demo", aliased.at("/demo/name").asText());
    assertEquals("viewer,project", lastRecorded().operationName());
  }

  private static List<String> fieldNames(JsonNode type) {
    List<String> names = new ArrayList<>();
    type.get("fields").forEach(field -> names.add(field.get("name").asText()));
    return names;
  }

  private static RecordedRequest lastRecorded() {
    List<RecordedRequest> recorded = emulator.stats().recorded();
    return recorded.get(recorded.size() - 1);
  }
}
