package io.github.wandbjdbc.emulator;

import static io.github.wandbjdbc.emulator.EmulatorHttp.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Offset-cursor paging of {@code Project.runs}, driven like the official client drives it. */
class RunPagingTest {
  private static final int RUNS = 7;
  private static final String PAGE =
      """
      query Runs($cursor: String, $perPage: Int = 50) {
        project(name: "demo", entityName: "acme") {
          runCount(filters: "{}")
          runs(filters: "{}", order: "+created_at", after: $cursor, first: $perPage) {
            edges { node { name } cursor }
            pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
          }
        }
      }
      """;

  private WandbEmulator emulator;
  private EmulatorHttp http;

  @BeforeEach
  void start() {
    emulator =
        WandbEmulator.start(EmulatorConfig.defaults(), TestData.dataset(TestData.runs(RUNS)));
    http = new EmulatorHttp(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, RUNS - 1, RUNS, RUNS + 1})
  void everyRunExactlyOnceInCreationOrder(int pageSize) {
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    boolean more = true;
    while (more && pages <= RUNS + 1) {
      JsonNode runs = page(cursor, pageSize).at("/project/runs");
      JsonNode edges = runs.get("edges");
      for (JsonNode edge : edges) {
        assertEquals(OffsetConnection.encode(names.size()), edge.get("cursor").asText());
        names.add(edge.at("/node/name").asText());
      }
      if (edges.size() > 0) {
        cursor = edges.get(edges.size() - 1).get("cursor").asText();
        assertEquals(cursor, runs.at("/pageInfo/endCursor").asText());
      }
      more = runs.at("/pageInfo/hasNextPage").asBoolean();
      pages++;
    }
    assertEquals(List.of("r00", "r01", "r02", "r03", "r04", "r05", "r06"), names);
    assertEquals((RUNS + pageSize - 1) / pageSize, pages);
  }

  @Test
  void defaultPageSizeIsFifty() {
    emulator.close();
    emulator = WandbEmulator.start(EmulatorConfig.defaults(), TestData.dataset(TestData.runs(51)));
    http = new EmulatorHttp(emulator);
    JsonNode project = http.query(PAGE, vars().putNull("cursor")).data().get("project");
    assertEquals(51, project.get("runCount").asInt());
    assertEquals(50, project.at("/runs/edges").size());
    assertTrue(project.at("/runs/pageInfo/hasNextPage").asBoolean());
  }

  @Test
  void pageInfoOfMiddleAndExhaustedPages() {
    JsonNode info = page(OffsetConnection.encode(1), 2).at("/project/runs/pageInfo");
    assertEquals(OffsetConnection.encode(2), info.get("startCursor").asText());
    assertEquals(OffsetConnection.encode(3), info.get("endCursor").asText());
    assertTrue(info.get("hasNextPage").asBoolean());
    assertTrue(info.get("hasPreviousPage").asBoolean());

    JsonNode past = page(OffsetConnection.encode(RUNS - 1), 2).at("/project/runs");
    assertEquals(0, past.get("edges").size());
    assertTrue(past.at("/pageInfo/endCursor").isNull());
    assertFalse(past.at("/pageInfo/hasNextPage").asBoolean());
  }

  @Test
  void emptyProject() {
    JsonNode project =
        http.query(PAGE.replace("\"demo\"", "\"empty\""), vars()).data().get("project");
    assertEquals(0, project.get("runCount").asInt());
    assertEquals(0, project.at("/runs/edges").size());
    assertFalse(project.at("/runs/pageInfo/hasNextPage").asBoolean());
    assertTrue(project.at("/runs/pageInfo/endCursor").isNull());
  }

  @Test
  void badCursorIsAnErrorOnTheRunsFieldOnly() {
    JsonNode body =
        http.query(PAGE, vars().put("cursor", "bm90LWEtY3Vyc29y").put("perPage", 2)).json();
    assertEquals(RUNS, body.at("/data/project/runCount").asInt());
    assertTrue(body.at("/data/project/runs").isNull());
    assertEquals("invalid cursor: bm90LWEtY3Vyc29y", body.at("/errors/0/message").asText());
    assertEquals("[\"project\",\"runs\"]", body.at("/errors/0/path").toString());
  }

  @Test
  void malformedFilterJsonIsAFieldError() {
    String document =
        "{ project(name: \"demo\") { name runs(filters: \"{not json\") { edges { cursor } } } }";
    JsonNode body = http.query(document, null).json();
    assertEquals("demo", body.at("/data/project/name").asText());
    assertTrue(body.at("/data/project/runs").isNull());
    assertTrue(body.at("/errors/0/message").asText().startsWith("invalid filters: not valid JSON"));
  }

  @Test
  void runInsertedMidScanShiftsTheOffsets() {
    EmulatedProject demo = emulator.dataset().projects().get(0);
    emulator.beforeEachRequest(
        request -> {
          if (request.variables().hasNonNull("cursor") && demo.runs().size() == RUNS) {
            demo.addRun(TestData.run("early", -1, List.of()));
          }
        });
    JsonNode first = page(null, 3).at("/project/runs/edges");
    JsonNode second = page(first.get(2).get("cursor").asText(), 3).at("/project/runs/edges");
    // "early" sorts first, so everything moves one place: r02 is served twice, as on W&B.
    assertEquals("r02", second.get(0).at("/node/name").asText());
    assertEquals(OffsetConnection.encode(3), second.get(0).get("cursor").asText());
  }

  private JsonNode page(String cursor, int pageSize) {
    ObjectNode variables = vars().put("perPage", pageSize);
    if (cursor == null) {
      variables.putNull("cursor");
    } else {
      variables.put("cursor", cursor);
    }
    return http.query(PAGE, variables, "").data();
  }
}
