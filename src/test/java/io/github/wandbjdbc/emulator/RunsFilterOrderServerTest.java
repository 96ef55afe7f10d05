package io.github.wandbjdbc.emulator;

import static io.github.wandbjdbc.emulator.EmulatorHttp.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.WandbRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server applies filters and orders to what it lists and counts. Expected results are computed
 * here with plain Java over the dataset, not with RunFilterEvaluator or RunOrdering, so a mistake
 * in those (or in how the server wires them) shows up as a difference.
 */
class RunsFilterOrderServerTest {
  private static final int RUNS = 30;
  private static final Comparator<EmulatedRun> CREATION =
      Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name);
  private static final String RUNS_DOCUMENT =
      """
      query Runs($filters: JSONString, $order: String) {
        project(name: "demo", entityName: "acme") {
          runs(filters: $filters, order: $order, first: 5) { edges { cursor } }
        }
      }
      """;

  private static WandbEmulator emulator;
  private static WandbClient client;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(11).withRunsPerProject(RUNS).withHistorySteps(20)));
    client =
        new WandbClient(
            new ClientSettings(
                emulator.baseUrl(),
                emulator.apiKey(),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(5),
                Duration.ofMillis(50),
                false));
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(
            "{\"state\": \"finished\"}",
            (Predicate<EmulatedRun>) run -> "finished".equals(run.state())),
        Arguments.of(
            "{\"state\": {\"$in\": [\"crashed\", \"failed\", \"killed\"]}}",
            (Predicate<EmulatedRun>)
                run -> List.of("crashed", "failed", "killed").contains(run.state())),
        Arguments.of(
            "{\"config.epochs.value\": {\"$gt\": 25}}",
            (Predicate<EmulatedRun>) run -> config(run, "epochs").asInt() > 25),
        Arguments.of(
            "{\"config.lr\": {\"$lt\": 0.001}, \"state\": \"finished\"}",
            (Predicate<EmulatedRun>)
                run -> config(run, "lr").asDouble() < 0.001 && "finished".equals(run.state())),
        Arguments.of(
            "{\"display_name\": {\"$regex\": \"-(fox|otter|pine)-\"}}",
            (Predicate<EmulatedRun>)
                run ->
                    Stream.of("-fox-", "-otter-", "-pine-").anyMatch(run.displayName()::contains)),
        Arguments.of(
            "{\"$or\": [{\"state\": \"running\"}, {\"$and\": ["
                + "{\"config.batch_size.value\": {\"$gte\": 64}}, {\"tags\": \"baseline\"}]}]}",
            (Predicate<EmulatedRun>)
                run ->
                    "running".equals(run.state())
                        || (config(run, "batch_size").asInt() >= 64
                            && run.tags() != null
                            && run.tags().contains("baseline"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filterSelectsExactlyTheMatchingRunsAndCountAgrees(
      String filterJson, Predicate<EmulatedRun> expected) {
    ObjectNode filter = (ObjectNode) HandBuiltRun.json(filterJson);
    List<String> wanted =
        demoRuns().stream().filter(expected).sorted(CREATION).map(EmulatedRun::name).toList();
    assertTrue(
        !wanted.isEmpty() && wanted.size() < RUNS,
        "a useful filter selects some runs but not all; it selects " + wanted.size());
    assertEquals(wanted, listed(filter, null));
    assertEquals(wanted.size(), client.runCount("acme", "demo", filter));
  }

  @Test
  void newestFirst() {
    assertEquals(expectedOrder(CREATION.reversed()), listed(null, "-created_at"));
  }

  @Test
  void ascendingSummaryMetricPutsMissingFirst() {
    // BSON order: a missing value sorts below every number; ties go by creation, then name.
    Comparator<EmulatedRun> byAcc =
        Comparator.comparing(
            run -> run.summary().hasNonNull("acc") ? run.summary().get("acc").doubleValue() : null,
            Comparator.nullsFirst(Comparator.<Double>naturalOrder()));
    long missing = demoRuns().stream().filter(run -> !run.summary().hasNonNull("acc")).count();
    assertTrue(missing > 0 && missing < RUNS, "some runs, not all, lack acc: " + missing);
    assertEquals(
        expectedOrder(byAcc.thenComparing(CREATION)), listed(null, "+summary_metrics.acc"));
  }

  @Test
  void ascendingConfigValueBreaksTiesByCreation() {
    Comparator<EmulatedRun> byEpochs =
        Comparator.comparingInt(run -> config(run, "epochs").asInt());
    assertTrue(demoRuns().stream().allMatch(run -> config(run, "epochs").isInt()));
    assertEquals(
        expectedOrder(byEpochs.thenComparing(CREATION)), listed(null, "+config.epochs.value"));
  }

  @Test
  void orderAndFilterTogether() {
    ObjectNode filter = (ObjectNode) HandBuiltRun.json("{\"state\": \"finished\"}");
    List<String> wanted =
        demoRuns().stream()
            .filter(run -> "finished".equals(run.state()))
            .sorted(CREATION.reversed())
            .map(EmulatedRun::name)
            .toList();
    assertEquals(wanted, listed(filter, "-created_at"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"state\": |  | invalid filters: not valid JSON",
        "{\"state\": {\"$foo\": 1}} |  | unknown operator $foo",
        "{\"state\": {\"$in\": \"finished\"}} |  | $in needs an array",
        "{\"$or\": []} |  | $or",
        "{} | + created_at | malformed"
      })
  void badFilterOrOrderIsA200WithErrorsOnTheRunsField(
      String filters, String order, String problem) {
    ObjectNode variables = vars().put("filters", filters);
    if (order != null) {
      variables.put("order", order);
    }
    EmulatorHttp.Response response = new EmulatorHttp(emulator).query(RUNS_DOCUMENT, variables);
    assertEquals(200, response.status());
    JsonNode body = response.json();
    String message = body.at("/errors/0/message").asText();
    assertTrue(message.contains(problem), message);
    assertEquals("[\"project\",\"runs\"]", body.at("/errors/0/path").toString());
    assertTrue(body.at("/data/project/runs").isNull(), body.toString());
  }

  @Test
  void clientReportsTheServersFilterComplaint() {
    ObjectNode filter = (ObjectNode) HandBuiltRun.json("{\"state\": {\"$foo\": 1}}");
    WandbRequestException e =
        assertThrows(WandbRequestException.class, () -> client.runCount("acme", "demo", filter));
    assertEquals(200, e.httpStatus());
    assertEquals("RunCount", e.operation());
    assertTrue(e.getMessage().contains("unknown operator $foo"), e.getMessage());
  }

  private static List<EmulatedRun> demoRuns() {
    return emulator.dataset().project("acme", "demo").orElseThrow().runs();
  }

  private static JsonNode config(EmulatedRun run, String key) {
    return run.config().path(key).path("value");
  }

  private static List<String> expectedOrder(Comparator<EmulatedRun> order) {
    return demoRuns().stream().sorted(order).map(EmulatedRun::name).toList();
  }

  /** The whole listing through the client, in pages of 7 so that paging is part of it. */
  private static List<String> listed(ObjectNode filter, String order) {
    List<String> names = new ArrayList<>();
    client
        .runs(new RunQuery("acme", "demo", filter, order, 7, -1, RunSelection.of(Set.of())))
        .forEachRemaining((Run run) -> names.add(run.name()));
    return names;
  }
}
