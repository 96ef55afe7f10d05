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

/** History windows, sampling, AND key selection and non-finite numbers. */
class HistoryQueriesTest {
  private static final int CAP = 20;
  private static WandbEmulator emulator;
  private static EmulatorHttp http;

  @BeforeAll
  static void start() {
    List<ObjectNode> sparse = new ArrayList<>();
    for (int step = 0; step < 6; step++) {
      ObjectNode row = TestData.NODES.objectNode().put("_step", step);
      if (step % 2 == 0) {
        row.put("acc", step * 0.1);
      } else {
        row.put("val", "odd-" + step);
      }
      sparse.add(row);
    }
    sparse.get(0).put("done", false).putObject("img").put("_type", "image-file");
    sparse.get(1).putObject("nested").put("a", 1);
    List<ObjectNode> odd =
        List.of(
            TestData.NODES
                .objectNode()
                .put("_step", 0)
                .put("loss", Double.NaN)
                .put("up", Double.POSITIVE_INFINITY));
    ObjectNode summary =
        TestData.NODES
            .objectNode()
            .put("nan", Double.NaN)
            .put("inf", Double.POSITIVE_INFINITY)
            .put("ninf", Double.NEGATIVE_INFINITY);
    List<EmulatedRun> runs =
        List.of(
            TestData.withEvents(TestData.run("long", 0, TestData.steps(100)), TestData.steps(50)),
            TestData.run("sparse", 1, sparse),
            TestData.withSummary(TestData.run("odd", 2, odd), summary));
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withMaxHistorySamples(CAP), TestData.dataset(runs));
    http = new EmulatorHttp(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void windowLargerThanSamplesIsSampledKeepingBothEnds() {
    assertEquals(
        List.of(10, 23, 36, 49), steps(history("long", "samples: 4, minStep: 10, maxStep: 50")));
  }

  @Test
  void samplesAreCappedByTheServer() {
    List<Integer> steps = steps(history("long", "samples: 500"));
    assertEquals(CAP, steps.size());
    assertEquals(0, steps.get(0));
    assertEquals(99, steps.get(CAP - 1));
    assertEquals(CAP, sampledHistory("long", "{\"keys\": [\"_step\"], \"samples\": 1000}").size());
    assertEquals(CAP, runField("long", "events(samples: 100)").size());
  }

  @Test
  void historyMaxStepIsExclusiveAndSampledHistoryMaxStepInclusive() {
    assertEquals(List.of(3, 4, 5), steps(history("long", "minStep: 3, maxStep: 6")));
    JsonNode rows =
        sampledHistory(
            "long", "{\"keys\": [\"_step\"], \"minStep\": 3, \"maxStep\": 6, \"samples\": 100}");
    assertEquals("[{\"_step\":3},{\"_step\":4},{\"_step\":5},{\"_step\":6}]", rows.toString());
  }

  @Test
  void sampledHistoryReturnsOnlyRowsHoldingEveryKey() {
    assertEquals(
        "[{\"_step\":0,\"acc\":0.0},{\"_step\":2,\"acc\":0.2},{\"_step\":4,\"acc\":0.4}]",
        sampledHistory("sparse", "{\"keys\": [\"_step\", \"acc\"], \"samples\": 10}").toString());
    assertEquals("[]", sampledHistory("sparse", "{\"keys\": [\"acc\", \"val\"]}").toString());
    assertEquals("[]", sampledHistory("sparse", "{\"keys\": [\"missing\"]}").toString());
  }

  @Test
  void historyKeysTypesAndMonotonicity() {
    JsonNode keys = runField("sparse", "historyKeys").get("keys");
    assertEquals("[{\"type\":\"number\",\"count\":3}]", keys.at("/acc/typeCounts").toString());
    assertEquals("[{\"type\":\"string\",\"count\":3}]", keys.at("/val/typeCounts").toString());
    assertEquals("boolean", keys.at("/done/typeCounts/0/type").asText());
    assertEquals("image-file", keys.at("/img/typeCounts/0/type").asText());
    assertEquals("map", keys.at("/nested/typeCounts/0/type").asText());
    assertTrue(keys.at("/acc/monotonic").asBoolean());
    assertFalse(keys.get("val").has("monotonic"));
    assertEquals("odd-5", keys.at("/val/previousValue").asText());
    assertEquals(5, runField("sparse", "historyKeys").get("lastStep").asInt());
    assertEquals(6, runField("sparse", "historyLineCount").asInt());
  }

  @Test
  void nonFiniteNumbersAreBareTokensInJsonText() {
    String summary = runField("odd", "summaryMetrics").asText();
    assertTrue(summary.contains("\"nan\":NaN"), summary);
    assertTrue(summary.contains("\"inf\":Infinity"), summary);
    assertTrue(summary.contains("\"ninf\":-Infinity"), summary);
    assertEquals("{\"_step\":0,\"loss\":NaN,\"up\":Infinity}", history("odd", "").get(0).asText());
    // Inside a JSON value the envelope must stay strict JSON, so they travel as strings there.
    assertEquals(
        "[{\"loss\":\"NaN\"}]", sampledHistory("odd", "{\"keys\": [\"loss\"]}").toString());
  }

  @Test
  void eventsAreRowsAsJsonText() {
    JsonNode events = runField("long", "events(samples: 3)");
    assertEquals(List.of(0, 24, 49), steps(events));
  }

  @Test
  void badSpecsAndSamplesAreFieldErrors() {
    assertEquals(
        "invalid history spec: \"keys\" must be a list of strings",
        errorOf("sampledHistory(specs: [\"{\\\"samples\\\": 3}\"])"));
    assertTrue(
        errorOf("sampledHistory(specs: [\"{oops\"])")
            .startsWith("invalid history spec: not valid JSON"));
    assertEquals("samples must not be negative: -1", errorOf("history(samples: -1)"));
  }

  private static JsonNode history(String run, String arguments) {
    return runField(run, arguments.isEmpty() ? "history" : "history(" + arguments + ")");
  }

  private static JsonNode sampledHistory(String run, String spec) {
    ObjectNode variables = vars().put("name", run);
    variables.putArray("specs").add(spec);
    return http.query(
            "query S($name: String!, $specs: [JSONString!]!) { project(name: \"demo\") {"
                + " run(name: $name) { sampledHistory(specs: $specs) } } }",
            variables)
        .data()
        .at("/project/run/sampledHistory/0");
  }

  private static JsonNode runField(String run, String selection) {
    return http.query(
            "{ project(name: \"demo\") { run(name: \""
                + run
                + "\") { value: "
                + selection
                + " } } }",
            null)
        .data()
        .at("/project/run/value");
  }

  private static String errorOf(String selection) {
    JsonNode body =
        http.query(
                "{ project(name: \"demo\") { run(name: \"long\") { " + selection + " } } }", null)
            .json();
    assertTrue(body.at("/data/project/run").isObject(), "only the failing field is null");
    return body.at("/errors/0/message").asText();
  }

  private static List<Integer> steps(JsonNode rows) {
    List<Integer> steps = new ArrayList<>();
    for (JsonNode row : rows) {
      steps.add(JsonText.read(row.asText(), "row").get("_step").asInt());
    }
    return steps;
  }
}
