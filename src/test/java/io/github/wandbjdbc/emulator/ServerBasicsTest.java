package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication, routing, counters and the public accessors. */
class ServerBasicsTest {
  private static final String QUERY = "query Viewer { viewer { entity } }";
  private static final String SECOND_KEY = "second-key-abcdefghijklmnopqrstuvwxyz0123456789";

  private WandbEmulator emulator;
  private EmulatorHttp http;

  @BeforeEach
  void start() {
    Set<String> keys = new LinkedHashSet<>(List.of(EmulatorConfig.DEFAULT_API_KEY, SECOND_KEY));
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withApiKeys(keys), TestData.dataset(TestData.runs(1)));
    http = new EmulatorHttp(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void accessors() {
    assertTrue(emulator.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), emulator.baseUrl());
    assertEquals(EmulatorConfig.DEFAULT_API_KEY, emulator.apiKey());
    assertTrue(emulator.apiKey().length() >= 40);
    assertEquals(
        "jdbc:wandb:baseUrl="
            + emulator.baseUrl()
            + ";apiKey="
            + EmulatorConfig.DEFAULT_API_KEY
            + ";entity=acme;project=demo",
        emulator.jdbcUrl("demo"));
    assertEquals("acme", emulator.dataset().entity());
  }

  @Test
  void rejectsMissingWrongOrForeignCredentials() {
    String body = "{\"query\": \"" + QUERY + "\"}";
    String unauthorized = "{\"errors\":[{\"message\":\"user is not logged in\"}]}";
    for (String authorization :
        new String[] {
          null,
          EmulatorHttp.basicAuth("wrong-key"),
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      ("bob:" + EmulatorConfig.DEFAULT_API_KEY).getBytes(StandardCharsets.UTF_8)),
          "Bearer " + EmulatorConfig.DEFAULT_API_KEY,
          "Basic %%%"
        }) {
      EmulatorHttp.Response response = http.post(body, authorization);
      assertEquals(401, response.status(), String.valueOf(authorization));
      assertEquals(unauthorized, response.text());
    }
    assertEquals(200, http.post(body, EmulatorHttp.basicAuth(SECOND_KEY)).status());
    assertEquals(6, emulator.stats().operations().get("Viewer"));
  }

  @Test
  void statsCountEveryRequestAndItsBytes() {
    String body = "{\"query\": \"" + QUERY + "\"}";
    http.post(body, null);
    EmulatorHttp.Response ok =
        http.query("{ viewer { id } project(name: \"demo\") { name } }", null);
    http.post("not json", EmulatorHttp.basicAuth(emulator.apiKey()));

    EmulatorStats stats = emulator.stats();
    assertEquals(3, stats.requests());
    assertEquals(Map.of("Viewer", 1L, "viewer,project", 1L, "<invalid>", 1L), stats.operations());
    JsonNode served = http.get("/_emulator/stats").json();
    assertEquals(3, served.get("requests").asLong());
    assertEquals(1, served.at("/operations/viewer,project").asLong());
    assertEquals(stats.bytesIn(), served.get("bytesIn").asLong());
    assertEquals(stats.bytesOut(), served.get("bytesOut").asLong());
    long unauthorizedBytes = "{\"errors\":[{\"message\":\"user is not logged in\"}]}".length();
    assertTrue(stats.bytesOut() > unauthorizedBytes + ok.text().length());

    List<RecordedRequest> recorded = stats.recorded();
    assertEquals(List.of(401, 200, 400), recorded.stream().map(RecordedRequest::status).toList());
    assertEquals(NullNode.getInstance(), recorded.get(1).variables());
    assertEquals("W&B Public Client 0.30.0", recorded.get(1).headers().get("user-agent"));
    assertTrue(recorded.get(1).headers().containsKey("authorization"));
    assertFalse(recorded.get(1).toString().contains(EmulatorHttp.basicAuth(emulator.apiKey())));
    assertFalse(emulator.config().toString().contains(emulator.apiKey()));

    stats.reset();
    assertEquals(0, stats.requests());
    assertEquals(List.of(), stats.recorded());
    assertEquals(0, http.get("/_emulator/stats").json().get("bytesOut").asLong());
  }

  @Test
  void variablesAndHookSeeTheRequest() {
    List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    emulator.beforeEachRequest(seen::add);
    http.query(
        "query P($n: String!) { project(name: $n) { name } }",
        EmulatorHttp.vars().put("n", "demo"),
        "");
    assertEquals(1, seen.size());
    assertEquals("P", seen.get(0).operationName());
    assertEquals("demo", seen.get(0).variables().get("n").asText());
    assertEquals(0, seen.get(0).status());
  }

  @Test
  void unknownPathsAndMethodsAre404() {
    for (String path : new String[] {"/nope", "/graphql", "/graphqlx", "/sdk/otel/v1/metrics"}) {
      EmulatorHttp.Response response = http.get(path);
      assertEquals(404, response.status(), path);
      assertEquals("{\"error\":\"not found\"}", response.text());
    }
  }

  @Test
  void configIsValidated() {
    EmulatorConfig defaults = EmulatorConfig.defaults();
    assertThrows(IllegalArgumentException.class, () -> defaults.withPort(70_000));
    assertThrows(IllegalArgumentException.class, () -> defaults.withApiKeys(Set.of()));
    assertThrows(IllegalArgumentException.class, () -> defaults.withApiKeys(Set.of(" ")));
    assertThrows(IllegalArgumentException.class, () -> defaults.withLatencyMs(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withRateLimitPerSecond(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> defaults.withFailEvery(-2));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxHistorySamples(0));
    assertEquals(10_000, defaults.maxHistorySamples());
  }
}
