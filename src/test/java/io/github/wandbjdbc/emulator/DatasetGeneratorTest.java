package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Determinism, sizes and the run-level features of the generated dataset. */
class DatasetGeneratorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final EmulatedDataset DEFAULT = DatasetGenerator.generate(GeneratorSpec.defaults(42));

  static List<EmulatedRun> allRuns(EmulatedDataset dataset) {
    return dataset.projects().stream().flatMap(p -> p.runs().stream()).collect(Collectors.toList());
  }

  static List<EmulatedRun> runs(EmulatedDataset dataset, String project) {
    return dataset.project("acme", project).orElseThrow().runs();
  }

  /** Every field of every run, as one JSON text. */
  static String toJson(EmulatedDataset dataset) throws JsonProcessingException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("entity", dataset.entity()).put("viewer", dataset.viewerUsername());
    ArrayNode projects = root.putArray("projects");
    for (EmulatedProject project : dataset.projects()) {
      ObjectNode p = projects.addObject();
      p.put("name", project.name()).put("createdAt", project.createdAt().toString());
      ArrayNode runs = p.putArray("runs");
      for (EmulatedRun run : project.runs()) {
        ObjectNode r = runs.addObject();
        r.put("name", run.name()).put("displayName", run.displayName()).put("state", run.state());
        r.set("tags", MAPPER.valueToTree(run.tags()));
        r.put("group", run.group()).put("jobType", run.jobType()).put("sweep", run.sweepName());
        r.put("commit", run.commit())
            .put("notes", run.notes())
            .put("description", run.description());
        r.put("createdAt", run.createdAt().toString());
        r.put("heartbeatAt", run.heartbeatAt() == null ? null : run.heartbeatAt().toString());
        r.put("username", run.username()).put("userFullName", run.userFullName());
        r.put("host", run.host());
        r.set("config", run.config());
        r.set("summary", run.summary());
        r.set("systemMetrics", run.systemMetrics());
        r.set("history", MAPPER.valueToTree(run.history()));
        r.set("events", MAPPER.valueToTree(run.events()));
      }
    }
    return MAPPER.writeValueAsString(root);
  }

  @Test
  void sameSeedGivesTheSameDatasetAndAnotherSeedADifferentOne() throws JsonProcessingException {
    String first = toJson(DEFAULT);
    assertEquals(first, toJson(DatasetGenerator.generate(GeneratorSpec.defaults(42))));
    assertNotEquals(first, toJson(DatasetGenerator.generate(GeneratorSpec.defaults(43))));
    assertTrue(first.length() > 100_000, "a default dataset is substantial: " + first.length());
  }

  @Test
  void projectsAndSizesFollowTheSpec() {
    assertEquals("acme", DEFAULT.entity());
    assertEquals("demo-user", DEFAULT.viewerUsername());
    assertEquals(
        List.of("demo", "mnist-sweeps", "empty-project", "image-classification"),
        DEFAULT.projects().stream().map(EmulatedProject::name).collect(Collectors.toList()));
    assertEquals(
        List.of(40, 40, 0, 5),
        DEFAULT.projects().stream().map(p -> p.runs().size()).collect(Collectors.toList()));

    EmulatedDataset small =
        DatasetGenerator.generate(
            GeneratorSpec.defaults(1)
                .withRunsPerProject(3)
                .withHistorySteps(7)
                .withEventsPerRun(2));
    assertEquals(
        List.of(3, 3, 0, 3),
        small.projects().stream().map(p -> p.runs().size()).collect(Collectors.toList()));
    for (EmulatedRun run : allRuns(small)) {
      assertTrue(run.history().size() <= 7, run.name());
      assertEquals(run.state().equals("pending") ? 0 : 2, run.events().size(), run.name());
    }
    EmulatedDataset noHistory =
        DatasetGenerator.generate(GeneratorSpec.defaults(1).withHistorySteps(0));
    assertTrue(allRuns(noHistory).stream().allMatch(r -> r.history().isEmpty()));
  }

  @Test
  void demoHasEveryStateAndMnistIsMostlySweepRuns() {
    assertEquals(
        new TreeSet<>(DatasetGenerator.STATES),
        runs(DEFAULT, "demo").stream()
            .map(EmulatedRun::state)
            .collect(Collectors.toCollection(TreeSet::new)));
    EmulatedDataset eight =
        DatasetGenerator.generate(GeneratorSpec.defaults(5).withRunsPerProject(8));
    assertEquals(
        new TreeSet<>(DatasetGenerator.STATES),
        runs(eight, "demo").stream()
            .map(EmulatedRun::state)
            .collect(Collectors.toCollection(TreeSet::new)));
    long sweepRuns =
        runs(DEFAULT, "mnist-sweeps").stream().filter(r -> r.sweepName() != null).count();
    assertTrue(sweepRuns > 20, "sweep runs in mnist-sweeps: " + sweepRuns);
    assertTrue(
        runs(DEFAULT, "mnist-sweeps").stream()
                .map(EmulatedRun::sweepName)
                .filter(s -> s != null)
                .distinct()
                .count()
            > 1);
  }

  @Test
  void namesAreUniqueIdsAndCreationTimesDistinctSeconds() {
    List<EmulatedRun> all = allRuns(DEFAULT);
    Set<String> names = new HashSet<>();
    Set<Instant> created = new HashSet<>();
    Instant base = GeneratorSpec.defaults(42).baseTime();
    for (EmulatedRun run : all) {
      assertTrue(run.name().matches("[a-z0-9]{8}"), run.name());
      assertTrue(names.add(run.name()), "duplicate name " + run.name());
      assertTrue(created.add(run.createdAt()), "duplicate createdAt " + run.createdAt());
      assertEquals(0, run.createdAt().getNano());
      assertTrue(run.createdAt().isBefore(base.minus(Duration.ofDays(1)).plusSeconds(1)));
      assertTrue(run.createdAt().isAfter(base.minus(Duration.ofDays(180)).minusSeconds(1)));
      assertTrue(run.displayName().matches("\\p{L}+-\\p{L}+-\\d+"), run.displayName());
      if (run.state().equals("pending")) {
        assertNull(run.heartbeatAt(), run.name());
      } else {
        assertTrue(run.heartbeatAt().isAfter(run.createdAt()), run.name());
      }
    }
  }

  @Test
  void optionalRunFieldsAreSometimesNullAndSometimesSet() {
    List<EmulatedRun> all = allRuns(DEFAULT);
    assertTrue(all.stream().anyMatch(r -> r.tags() == null));
    assertTrue(all.stream().anyMatch(r -> r.tags() != null && r.tags().isEmpty()));
    assertTrue(all.stream().anyMatch(r -> r.tags() != null && r.tags().size() > 1));
    List<Function<EmulatedRun, Object>> optionalFields =
        List.of(
            EmulatedRun::group,
            EmulatedRun::jobType,
            EmulatedRun::sweepName,
            EmulatedRun::commit,
            EmulatedRun::notes,
            EmulatedRun::description,
            EmulatedRun::host);
    for (Function<EmulatedRun, Object> field : optionalFields) {
      assertTrue(all.stream().anyMatch(r -> field.apply(r) == null));
      assertTrue(all.stream().anyMatch(r -> field.apply(r) != null));
    }
    assertTrue(all.stream().map(EmulatedRun::username).distinct().count() >= 3);
  }

  @Test
  void generatesTenThousandRunsWithinGenerousBounds() {
    long start = System.nanoTime();
    EmulatedDataset big =
        DatasetGenerator.generate(
            GeneratorSpec.defaults(9).withRunsPerProject(5_000).withHistorySteps(50));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    List<EmulatedRun> all = allRuns(big);
    assertEquals(10_005, all.size());
    assertEquals(50, all.stream().mapToInt(r -> r.history().size()).max().orElseThrow());
    assertTrue(took.toSeconds() < 60, "took " + took);
  }
}
