package io.github.wandbjdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages follow row width and the runs still wanted, and a server that hands out fewer runs than
 * asked is followed by its cursor: here the emulator caps {@code first} at 700.
 */
class RunPageSizeTest {
  private static final int RUNS = 2_500;
  private static final int SERVER_CAP = 700;
  private static WandbEmulator emulator;
  private static WandbClient client;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withMaxRunsPerPage(SERVER_CAP),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(3).withRunsPerProject(RUNS).withHistorySteps(0)));
    client =
        new WandbClient(
            new ClientSettings(
                emulator.baseUrl(),
                emulator.apiKey(),
                Duration.ofSeconds(10),
                0,
                Duration.ofMillis(5),
                Duration.ofMillis(5),
                false));
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.stats().reset();
  }

  @Test
  void narrowRowsAskForTheWholeCeilingAndFollowTheServersCap() {
    List<String> names = names(query(1_000, -1, RunSelection.of(EnumSet.of(RunField.STATE))));
    assertEquals(expectedNames(RUNS), names);
    // 700 + 700 + 700 + 400: every request answered runs, none was spent on an empty page.
    assertEquals(List.of(1_000, 1_000, 1_000, 1_000), perPage());
  }

  @Test
  void wideRowsAskForAtMostTwoHundred() {
    List<String> names =
        names(query(1_000, 450, RunSelection.lightweightWith(Set.of(RunField.CONFIG))));
    assertEquals(expectedNames(450), names);
    assertEquals(List.of(200, 200, 50), perPage());
  }

  @Test
  void aLimitThatFitsOnePageIsOneRequest() {
    assertEquals(expectedNames(450), names(query(1_000, 450, RunSelection.of(Set.of()))));
    assertEquals(List.of(450), perPage());
  }

  @Test
  void aLimitCutByTheServerAsksOnlyForWhatIsStillWanted() {
    assertEquals(expectedNames(900), names(query(1_000, 900, RunSelection.of(Set.of()))));
    assertEquals(List.of(900, 200), perPage());
  }

  @Test
  void aSmallerCeilingIsKept() {
    assertEquals(expectedNames(RUNS), names(query(600, -1, RunSelection.of(Set.of()))));
    assertEquals(List.of(600, 600, 600, 600, 600), perPage());
  }

  private static RunQuery query(int pageSize, long limit, RunSelection selection) {
    return new RunQuery("acme", "demo", null, null, pageSize, limit, selection);
  }

  private static List<String> names(RunQuery query) {
    List<String> names = new ArrayList<>();
    try (RunIterator runs = client.runs(query)) {
      runs.forEachRemaining(run -> names.add(run.name()));
    }
    return names;
  }

  /** The first {@code count} runs in W&B's default order, oldest first. */
  private static List<String> expectedNames(int count) {
    return emulator.dataset().project("acme", "demo").orElseThrow().runs().stream()
        .sorted(Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name))
        .limit(count)
        .map(EmulatedRun::name)
        .toList();
  }

  private static List<Integer> perPage() {
    List<Integer> sizes = new ArrayList<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if ("Runs".equals(request.operationName())) {
        sizes.add(request.variables().get("perPage").asInt());
      }
    }
    return sizes;
  }
}
