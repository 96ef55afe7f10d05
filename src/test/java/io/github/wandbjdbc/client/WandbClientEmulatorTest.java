package io.github.wandbjdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.Fault;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real client against the real emulator: paging, limits, heavy fields, retries, cursor
 * resumption, run counts, histories and projects, checked against the generated dataset and against
 * the requests the emulator recorded.
 */
class WandbClientEmulatorTest {

  private static final int N = 9;
  private static final int MAX_RETRIES = 3;
  private static final String ENTITY = "acme";
  private static final String DEMO = "demo";

  private static WandbEmulator emu;
  private static WandbClient client;

  @BeforeAll
  static void start() {
    emu = WandbEmulator.start(EmulatorConfig.defaults(), generated());
    client = new WandbClient(settings(emu, emu.apiKey(), Duration.ofMillis(50)));
  }

  @AfterAll
  static void stop() {
    client.close();
    emu.close();
  }

  @BeforeEach
  void resetEmulator() {
    emu.faults().clear();
    emu.beforeEachRequest(null);
    emu.stats().reset();
  }

  @Test
  void badKeyIsRefusedAtOnceAndNeverEchoed() {
    String badKey = "not-a-valid-key-0123456789abcdef0123456789abcdef";
    try (WandbClient refused = new WandbClient(settings(emu, badKey, Duration.ofMillis(50)))) {
      assertRefused(assertThrows(WandbAuthenticationException.class, refused::viewer), badKey);
      assertEquals(1, emu.stats().requests());
      assertRefused(
          assertThrows(
              WandbAuthenticationException.class,
              () -> refused.runs(demo(3, -1, Set.of())).hasNext()),
          badKey);
      assertEquals(2, emu.stats().requests());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, N - 1, N, N + 1})
  void everyRunExactlyOnceInCreationOrder(int pageSize) {
    assertEquals(N, demoRuns().size());
    RunIterator runs = client.runs(demo(pageSize, -1, Set.of()));
    assertEquals(namesOf(demoRuns(), Comparator.comparing(EmulatedRun::createdAt)), names(runs));
    // The emulator's hasNextPage is false on the page that ends the list, so there is no extra
    // empty page even when pageSize divides the run count.
    assertEquals((N + pageSize - 1) / pageSize, runs.pagesFetched());
  }

  @ParameterizedTest
  @CsvSource({"4, 6, '4,2'", "4, 3, '3'", "2, 5, '2,2,1'", "5, 0, ''"})
  void limitStopsEarlyAndAsksOnlyForWhatRemains(int pageSize, long limit, String perPages) {
    RunIterator runs = client.runs(demo(pageSize, limit, Set.of()));
    List<String> expected =
        namesOf(demoRuns(), Comparator.comparing(EmulatedRun::createdAt)).subList(0, (int) limit);
    assertEquals(expected, names(runs));
    List<String> sent =
        runsRequests().stream()
            .map(request -> request.variables().path("perPage").asText())
            .toList();
    assertEquals(perPages.isEmpty() ? List.of() : List.of(perPages.split(",")), sent);
  }

  @Test
  void lightListingMovesNoHeavyFields() {
    List<Run> light = list(demo(4, -1, Set.of()));
    long lightBytes = emu.stats().bytesOut();
    for (Run run : light) {
      assertNull(run.config(), run.name());
      assertNull(run.summaryMetrics(), run.name());
      assertNull(run.systemMetrics(), run.name());
      assertNull(run.historyKeys(), run.name());
    }
    for (RecordedRequest request : runsRequests()) {
      for (String flag :
          List.of("withConfig", "withSummaryMetrics", "withSystemMetrics", "withHistoryKeys")) {
        assertFalse(request.variables().path(flag).asBoolean(true), flag);
      }
    }
    emu.stats().reset();
    List<Run> full = list(demo(4, -1, EnumSet.allOf(RunField.class)));
    assertEquals(light.size(), full.size());
    assertTrue(
        lightBytes < emu.stats().bytesOut(),
        "light " + lightBytes + " bytes, full " + emu.stats().bytesOut());
  }

  @Test
  void configComesUnwrappedWithoutWandbBookkeeping() {
    for (Run run : list(demo(5, -1, Set.of(RunField.CONFIG)))) {
      EmulatedRun stored = demoRun(run.name());
      ObjectNode expected = stored.config().objectNode();
      stored
          .config()
          .fields()
          .forEachRemaining(
              entry -> {
                if (!entry.getKey().equals("_wandb")) {
                  expected.set(entry.getKey(), entry.getValue().get("value"));
                }
              });
      assertEquals(expected, run.config(), run.name());
      assertFalse(run.config().has("_wandb"));
      assertNull(run.summaryMetrics());
    }
  }

  static Stream<Arguments> transientFaults() {
    return Stream.of(Arguments.of(Fault.status(500), 500), Arguments.of(Fault.dropConnection(), 0));
  }

  @ParameterizedTest
  @MethodSource("transientFaults")
  void transientFailuresAreRetriedThenGivenUp(Fault fault, int expectedStatus) {
    for (int i = 0; i <= MAX_RETRIES; i++) {
      emu.faults().enqueue(fault);
    }
    WandbTransientException e =
        assertThrows(
            WandbTransientException.class, () -> client.runs(demo(3, -1, Set.of())).hasNext());
    assertEquals(expectedStatus, e.httpStatus());
    assertEquals("Runs", e.operation());
    assertTrue(e.getMessage().contains("Runs"), e.getMessage());
    assertEquals(MAX_RETRIES + 1, emu.stats().requests());
  }

  @Test
  void graphQlErrorsAreFinalAndCarryTheServerMessage() {
    emu.faults().enqueue(Fault.graphqlError("filter exceeds the query budget"));
    WandbRequestException e =
        assertThrows(
            WandbRequestException.class, () -> client.runs(demo(3, -1, Set.of())).hasNext());
    assertTrue(e.getMessage().contains("filter exceeds the query budget"), e.getMessage());
    assertEquals("Runs", e.operation());
    assertEquals(1, emu.stats().requests());
  }

  @Test
  void retryAfterIsHonoured() {
    emu.faults().enqueue(Fault.status(429, Duration.ofSeconds(1)));
    ClientSettings patientSettings = settings(emu, emu.apiKey(), Duration.ofSeconds(2));
    try (WandbClient patient = new WandbClient(patientSettings)) {
      long start = System.nanoTime();
      assertEquals("demo-user", patient.viewer().username());
      long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertTrue(elapsedMillis >= 1000, "waited only " + elapsedMillis + " ms");
    }
    assertEquals(2, emu.stats().requests());
  }

  @Test
  void failedPageIsRetriedFromItsOwnCursor() {
    RunIterator runs = client.runs(demo(2, -1, Set.of()));
    List<String> names = new ArrayList<>(List.of(runs.next().name(), runs.next().name()));
    emu.faults().enqueue(Fault.status(503));
    runs.forEachRemaining(run -> names.add(run.name()));

    assertEquals(namesOf(demoRuns(), Comparator.comparing(EmulatedRun::createdAt)), names);
    List<RecordedRequest> requests = runsRequests();
    List<String> cursors =
        requests.stream().map(r -> offsetOf(r.variables().get("cursor"))).toList();
    // Offset cursors name the last run already seen: page one is never asked for again.
    List<String> expected = new ArrayList<>();
    expected.add(null);
    expected.addAll(
        List.of(
            "arrayconnection:1",
            "arrayconnection:1",
            "arrayconnection:3",
            "arrayconnection:5",
            "arrayconnection:7"));
    assertEquals(expected, cursors);
    assertEquals(
        List.of(200, 503, 200, 200, 200, 200),
        requests.stream().map(RecordedRequest::status).toList());
  }

  @Test
  void runCreatedMidScanCausesNoDuplicates() {
    try (WandbEmulator own = WandbEmulator.start(EmulatorConfig.defaults(), generated());
        WandbClient ownClient =
            new WandbClient(settings(own, own.apiKey(), Duration.ofMillis(50)))) {
      EmulatedProject demo = own.dataset().project(ENTITY, DEMO).orElseThrow();
      List<EmulatedRun> original = demo.runs();
      EmulatedRun newest =
          original.stream().max(Comparator.comparing(EmulatedRun::createdAt)).orElseThrow();
      own.beforeEachRequest(
          request -> {
            // Just after page one was served: the first request that carries a cursor.
            if (request.variables().hasNonNull("cursor") && demo.runs().size() == original.size()) {
              demo.addRun(laterCopy(newest, "newrun01"));
            }
          });
      RunIterator runs =
          ownClient.runs(
              new RunQuery(
                  ENTITY,
                  DEMO,
                  null,
                  "-created_at",
                  3,
                  -1,
                  RunSelection.lightweightWith(Set.of())));
      // The new run sorts first under -created_at, at an offset the scan has passed, so an
      // offset-cursor listing cannot return it; what it does is push every run one place on,
      // and page two starts with the last run of page one again: the iterator must skip it.
      assertEquals(
          namesOf(original, Comparator.comparing(EmulatedRun::createdAt).reversed()), names(runs));
      assertEquals(N + 1, demo.runs().size());
      assertEquals(4, runs.pagesFetched());
    }
  }

  @Test
  void runCountAppliesTheFilter() {
    long finished = demoRuns().stream().filter(run -> "finished".equals(run.state())).count();
    ObjectNode filter = WandbJson.MAPPER.createObjectNode().put("state", "finished");
    assertEquals(finished, client.runCount(ENTITY, DEMO, filter));
    assertTrue(finished > 0 && finished < N, "the filter must select some runs, not all");
    assertEquals(N, client.runCount(ENTITY, DEMO, null));
  }

  @Test
  void runCountOfAMissingProjectIsNotFound() {
    WandbNotFoundException e =
        assertThrows(
            WandbNotFoundException.class, () -> client.runCount(ENTITY, "no-such-project", null));
    assertTrue(e.getMessage().contains("acme/no-such-project"), e.getMessage());
  }

  @Test
  void projectsOfTheEntityAndOfAnUnknownOne() {
    List<ProjectInfo> projects = client.projects(ENTITY);
    assertEquals(
        emu.dataset().projects().stream().map(EmulatedProject::name).toList(),
        projects.stream().map(ProjectInfo::name).toList());
    assertTrue(projects.stream().allMatch(p -> p.entity().equals(ENTITY)));
    WandbNotFoundException e =
        assertThrows(WandbNotFoundException.class, () -> client.projects("no-such-entity"));
    assertTrue(e.getMessage().contains("no-such-entity"), e.getMessage());
  }

  private static EmulatedDataset generated() {
    return DatasetGenerator.generate(
        GeneratorSpec.defaults(5).withRunsPerProject(N).withHistorySteps(60));
  }

  private static ClientSettings settings(WandbEmulator server, String key, Duration maxBackoff) {
    return new ClientSettings(
        server.baseUrl(),
        key,
        Duration.ofSeconds(5),
        MAX_RETRIES,
        Duration.ofMillis(5),
        maxBackoff,
        false);
  }

  private static RunQuery demo(int pageSize, long limit, Set<RunField> heavy) {
    return new RunQuery(
        ENTITY, DEMO, null, null, pageSize, limit, RunSelection.lightweightWith(heavy));
  }

  private static List<EmulatedRun> demoRuns() {
    return emu.dataset().project(ENTITY, DEMO).orElseThrow().runs();
  }

  private static EmulatedRun demoRun(String name) {
    return demoRuns().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> namesOf(List<EmulatedRun> runs, Comparator<EmulatedRun> order) {
    return runs.stream().sorted(order).map(EmulatedRun::name).toList();
  }

  private static List<String> names(RunIterator runs) {
    List<String> names = new ArrayList<>();
    runs.forEachRemaining(run -> names.add(run.name()));
    return names;
  }

  private static List<Run> list(RunQuery query) {
    List<Run> runs = new ArrayList<>();
    client.runs(query).forEachRemaining(runs::add);
    return runs;
  }

  private static List<RecordedRequest> runsRequests() {
    return emu.stats().recorded().stream().filter(r -> r.operationName().equals("Runs")).toList();
  }

  private static void assertRefused(WandbAuthenticationException e, String key) {
    assertEquals(401, e.httpStatus());
    String encoded =
        Base64.getEncoder().encodeToString(("api:" + key).getBytes(StandardCharsets.UTF_8));
    assertFalse(e.getMessage().contains(key), e.getMessage());
    assertFalse(e.getMessage().contains(encoded), e.getMessage());
  }

  /** The decoded offset cursor ("arrayconnection:i"), or null for the first page. */
  private static String offsetOf(JsonNode cursor) {
    return cursor == null || cursor.isNull()
        ? null
        : new String(Base64.getDecoder().decode(cursor.asText()), StandardCharsets.UTF_8);
  }

  private static EmulatedRun laterCopy(EmulatedRun run, String name) {
    return new EmulatedRun(
        name,
        run.displayName(),
        run.state(),
        run.tags(),
        run.group(),
        run.jobType(),
        run.sweepName(),
        run.commit(),
        run.notes(),
        run.description(),
        run.createdAt().plusSeconds(3600),
        run.heartbeatAt(),
        run.username(),
        run.userFullName(),
        run.host(),
        run.config(),
        run.summary(),
        run.systemMetrics(),
        run.history(),
        run.events());
  }
}
