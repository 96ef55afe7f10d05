package io.github.wandbjdbc.client;

import static io.github.wandbjdbc.client.ScriptedWandbServer.late;
import static io.github.wandbjdbc.client.ScriptedWandbServer.ok;
import static io.github.wandbjdbc.client.ScriptedWandbServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunIteratorTest {

  private static final int RUNS = 7;

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

  private static RunQuery query(int pageSize, long limit) {
    return new RunQuery(
        "acme", "mnist", null, null, pageSize, limit, RunSelection.lightweightWith(Set.of()));
  }

  private static List<String> names(RunIterator runs) {
    List<String> names = new ArrayList<>();
    runs.forEachRemaining(run -> names.add(run.name()));
    return names;
  }

  private static List<String> expectedNames(int count) {
    return IntStream.range(0, count).mapToObj(i -> "run-" + i).collect(Collectors.toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, RUNS - 1, RUNS, RUNS + 1})
  void returnsEveryRunOnceWhateverThePageSize(int pageSize) {
    server.setHandler(RunPages.serving(RUNS));

    RunIterator runs = client.runs(query(pageSize, -1));

    assertEquals(expectedNames(RUNS), names(runs));
    int pages = (RUNS + pageSize - 1) / pageSize;
    assertEquals(pages, runs.pagesFetched());
    List<ScriptedWandbServer.Recorded> requests = server.requests();
    assertEquals(pages, requests.size());
    for (int page = 0; page < pages; page++) {
      ObjectNode variables = requests.get(page).variables();
      assertEquals(pageSize, variables.get("perPage").asInt());
      // The next page starts after the last edge of the previous one: its cursor, not endCursor.
      String expectedCursor = page == 0 ? null : RunPages.cursor(page * pageSize - 1);
      assertEquals(
          expectedCursor,
          variables.get("cursor").isNull() ? null : variables.get("cursor").asText());
    }
  }

  @Test
  void sendsTheRunsDocumentWithFilterAsJsonStringAndDefaultOrder() {
    server.setHandler(RunPages.serving(1));
    ObjectNode filter = JsonNodeFactory.instance.objectNode().put("state", "finished");
    filter.putObject("config.lr").put("$gt", 0.001);

    names(
        client.runs(
            new RunQuery(
                "acme", "mnist", filter, null, 50, -1, RunSelection.lightweightWith(Set.of()))));

    ScriptedWandbServer.Recorded request = server.requests().get(0);
    assertEquals("Runs", request.operationName());
    ObjectNode variables = request.variables();
    assertTrue(variables.get("filters").isTextual(), "filters must travel as a JSON string");
    assertEquals(
        "{\"state\":\"finished\",\"config.lr\":{\"$gt\":0.001}}",
        variables.get("filters").asText());
    assertEquals("+created_at", variables.get("order").asText());
    assertEquals("acme", variables.get("entity").asText());
    assertEquals("mnist", variables.get("project").asText());
    assertTrue(variables.get("cursor").isNull());
    String document = request.body().get("query").asText();
    assertTrue(document.startsWith("query Runs("), document);
    assertFalse(document.contains("runCount"), "Runs must not ask for runCount on every page");
  }

  @Test
  void emptyFilterTravelsAsEmptyObjectString() {
    server.setHandler(RunPages.serving(0));

    assertEquals(List.of(), names(client.runs(query(5, -1))));

    assertEquals("{}", server.requests().get(0).variables().get("filters").asText());
  }

  @Test
  void heavyFieldsAreSwitchedOnOnlyWhenAsked() {
    server.setHandler(RunPages.serving(1));

    names(
        client.runs(
            new RunQuery(
                "acme",
                "mnist",
                null,
                "-summary_metrics.acc",
                5,
                -1,
                RunSelection.lightweightWith(EnumSet.of(RunField.CONFIG, RunField.HISTORY_KEYS)))));

    ObjectNode variables = server.requests().get(0).variables();
    assertEquals("-summary_metrics.acc", variables.get("order").asText());
    assertTrue(variables.get("withConfig").asBoolean());
    assertFalse(variables.get("withSummaryMetrics").asBoolean());
    assertFalse(variables.get("withSystemMetrics").asBoolean());
    assertTrue(variables.get("withHistoryKeys").asBoolean());
  }

  @Test
  void limitStopsEarlyAndAsksOnlyForTheRunsStillNeeded() {
    server.setHandler(RunPages.serving(10));

    RunIterator runs = client.runs(query(4, 6));

    assertEquals(expectedNames(6), names(runs));
    List<Integer> perPage =
        server.requests().stream()
            .map(request -> request.variables().get("perPage").asInt())
            .toList();
    assertEquals(List.of(4, 2), perPage);
  }

  @Test
  void limitBelowPageSizeIsOneSmallRequest() {
    server.setHandler(RunPages.serving(10));

    assertEquals(expectedNames(3), names(client.runs(query(50, 3))));

    assertEquals(1, server.requests().size());
    assertEquals(3, server.requests().get(0).variables().get("perPage").asInt());
  }

  @Test
  void limitZeroSendsNothing() {
    RunIterator runs = client.runs(query(50, 0));

    assertFalse(runs.hasNext());
    assertEquals(0, server.requests().size());
  }

  @Test
  void isLazyUntilHasNext() {
    server.setHandler(RunPages.serving(3));

    RunIterator runs = client.runs(query(2, -1));
    assertEquals(0, server.requests().size());

    assertTrue(runs.hasNext());
    assertEquals(1, server.requests().size());
    runs.next();
    runs.next();
    assertEquals(1, server.requests().size(), "the second page waits until the first is used up");
    assertTrue(runs.hasNext());
    assertEquals(2, server.requests().size());
  }

  @Test
  void skipsARunThatAShiftedPageRepeats() {
    server.enqueue(
        ok(RunPages.page(List.of(RunPages.runNode("a"), RunPages.runNode("b")), 0, true)),
        ok(RunPages.page(List.of(RunPages.runNode("b"), RunPages.runNode("c")), 2, false)));

    assertEquals(List.of("a", "b", "c"), names(client.runs(query(2, -1))));
  }

  @Test
  void anEmptyPageThatAnnouncesMoreIsFollowedNotTakenAsTheEnd() {
    server.enqueue(ok(RunPages.page(List.of(), 0, true)));
    server.enqueue(ok(RunPages.page(List.of(RunPages.runNode("a")), 0, false)));

    assertEquals(List.of("a"), names(client.runs(query(2, -1))));
    assertEquals(
        "not-the-edge-cursor", server.requests().get(1).variables().get("cursor").asText());
  }

  @Test
  void aPageThatRepeatsItsCursorFailsInsteadOfLooping() {
    String samePage = RunPages.page(List.of(RunPages.runNode("a")), 0, true);
    server.setHandler(request -> ok(samePage));

    RunIterator runs = client.runs(query(1, -1));
    assertEquals("a", runs.next().name());
    WandbException e = assertThrows(WandbException.class, runs::hasNext);

    assertTrue(e.getMessage().contains("repeats"), e.getMessage());
    assertEquals(2, server.requests().size());
  }

  @Test
  void aFailingPageIsRetriedWithItsOwnCursor() {
    server.enqueue(
        ok(RunPages.page(List.of(RunPages.runNode("a"), RunPages.runNode("b")), 0, true)),
        status(500, "{\"errors\":[{\"message\":\"context deadline exceeded\"}]}"),
        ok(RunPages.page(List.of(RunPages.runNode("c")), 2, false)));

    assertEquals(List.of("a", "b", "c"), names(client.runs(query(2, -1))));

    List<String> cursors =
        server.requests().stream()
            .map(
                request -> {
                  var cursor = request.variables().get("cursor");
                  return cursor.isNull() ? "first" : cursor.asText();
                })
            .toList();
    assertEquals(List.of("first", RunPages.cursor(1), RunPages.cursor(1)), cursors);
  }

  @Test
  void closeStopsTheIteration() {
    server.setHandler(RunPages.serving(10));

    RunIterator runs = client.runs(query(2, -1));
    runs.next();
    runs.close();

    assertFalse(runs.hasNext());
    assertEquals(1, server.requests().size());
  }

  @Test
  void closeFromAnotherThreadAbortsTheRequestInFlight() {
    server.setHandler(request -> late(10_000, ok(RunPages.page(List.of(), 0, false))));
    RunIterator runs = client.runs(query(2, -1));
    closeOnceRequested(runs);
    long start = System.nanoTime();

    WandbException e = assertThrows(WandbException.class, runs::hasNext);

    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "not aborted");
    assertFalse(runs.hasNext());
    assertEquals(1, server.requests().size());
  }

  @Test
  void closeFromAnotherThreadEndsARetryWait() {
    server.setHandler(request -> status(429, "{}", Map.of("Retry-After", "20")));
    WandbClient patient =
        new WandbClient(
            new ClientSettings(
                server.baseUrl(),
                TestSettings.API_KEY,
                Duration.ofSeconds(10),
                5,
                Duration.ofMillis(1),
                Duration.ofSeconds(60),
                false));
    RunIterator runs = patient.runs(query(2, -1));
    closeOnceRequested(runs);
    long start = System.nanoTime();

    assertThrows(WandbException.class, runs::hasNext);

    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "not aborted");
    assertEquals(1, server.requests().size());
    patient.close();
  }

  private void closeOnceRequested(RunIterator runs) {
    Thread closer =
        new Thread(
            () -> {
              for (int i = 0; i < 500 && server.requests().isEmpty(); i++) {
                pause(10);
              }
              pause(100);
              runs.close();
            });
    closer.setDaemon(true);
    closer.start();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void missingProjectNamesEntityAndProject() {
    server.enqueue(ok("{\"data\":{\"project\":null}}"));

    RunIterator runs = client.runs(query(2, -1));
    WandbNotFoundException e = assertThrows(WandbNotFoundException.class, runs::hasNext);

    assertTrue(e.getMessage().contains("acme/mnist"), e.getMessage());
    assertEquals("Runs", e.operation());
  }
}
