package io.github.wandbjdbc.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the emulator's dataset from a {@link GeneratorSpec}; the same spec always gives the
 * same dataset, value for value. Entity "acme", viewer "demo-user", projects "demo" (the rich one:
 * its first eight runs take the eight run states in turn, its ninth has a Korean name),
 * "mnist-sweeps" (mostly sweep runs), "empty-project" (no runs) and "image-classification" (a few
 * runs). Run names are unique 8-character ids and creation times are distinct to the second across
 * the dataset, spread over the 180 days before the base time. Config content comes from {@link
 * RunConfigGenerator}, logged data from {@link RunMetricsGenerator}.
 */
public final class DatasetGenerator {
  static final String ENTITY = "acme";
  static final String VIEWER = "demo-user";
  static final List<String> STATES =
      List.of(
          "running",
          "finished",
          "crashed",
          "failed",
          "killed",
          "preempting",
          "preempted",
          "pending");
  private static final int SPREAD_SECONDS = (int) Duration.ofDays(179).toSeconds();
  private static final List<String> ADJECTIVES =
      List.of(
          "happy", "brisk", "quiet", "misty", "bold", "lucky", "gentle", "vivid", "sunny", "frosty",
          "swift", "dainty");
  private static final List<String> NOUNS =
      List.of(
          "fox", "river", "pine", "comet", "otter", "meadow", "falcon", "breeze", "lake", "ember",
          "sky", "moon");

  /**
   * The "demo" run (by index) named in Korean, "bold moon": W&B users name runs in any language.
   * Drawn after its Latin name, so every other value stays as it was.
   */
  private static final int KOREAN_NAMED_RUN = 8;

  private static final String KOREAN_NAME = "대담한-달-";

  private static final List<String> USERNAMES = List.of("demo-user", "alice", "bob", "carol");
  private static final List<String> FULL_NAMES =
      List.of("Demo User", "Alice Martin", "Bob Chen", "Carol Diaz");
  private static final List<String> TAGS =
      List.of("baseline", "tuned", "v2", "ablation", "prod", "debug", "resnet", "lr-sweep");
  private static final List<String> JOB_TYPES = List.of("train", "train", "eval");
  private static final List<String> NOTES =
      List.of("Lower lr after the loss spike", "Re-run with a fixed seed", "Compare with baseline");
  private static final List<String> DESCRIPTIONS =
      List.of("Baseline configuration", "Mixed precision trial", "Longer warmup");

  /** How one project's runs are drawn. */
  private record ProjectPlan(
      String name,
      int runCount,
      double sweepShare,
      List<String> sweeps,
      List<String> groups,
      boolean everyStateFirst) {}

  private final GeneratorSpec spec;
  private final Instant base;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<Instant> usedCreationTimes = new HashSet<>();

  private DatasetGenerator(GeneratorSpec spec) {
    this.spec = spec;
    this.base = spec.baseTime().truncatedTo(ChronoUnit.SECONDS);
  }

  public static EmulatedDataset generate(GeneratorSpec spec) {
    return new DatasetGenerator(spec).dataset();
  }

  private EmulatedDataset dataset() {
    int n = spec.runsPerProject();
    List<ProjectPlan> plans =
        List.of(
            new ProjectPlan(
                "demo", n, 0.15, List.of("k3x9q2aw"), List.of("exp-a", "exp-b", "exp-c"), true),
            new ProjectPlan(
                "mnist-sweeps",
                n,
                0.85,
                List.of("7hq2m4zp", "c8v1n5rt", "w2e6y9ub"),
                List.of("mnist-cnn"),
                false),
            new ProjectPlan("empty-project", 0, 0, List.of(), List.of(), false),
            new ProjectPlan(
                "image-classification", Math.min(5, n), 0, List.of(), List.of("resnet50"), false));
    List<EmulatedProject> projects = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      ProjectPlan plan = plans.get(p);
      List<EmulatedRun> runs = new ArrayList<>(plan.runCount());
      for (int i = 0; i < plan.runCount(); i++) {
        runs.add(run(plan, i, new SeededDice(SeededDice.derive(spec.seed(), p, i))));
      }
      Instant projectCreated = base.minus(Duration.ofDays(200L + 10L * p));
      projects.add(new EmulatedProject(ENTITY, plan.name(), projectCreated, runs));
    }
    return new EmulatedDataset(ENTITY, VIEWER, projects);
  }

  private EmulatedRun run(ProjectPlan plan, int index, SeededDice dice) {
    String name = uniqueName(dice);
    Instant createdAt = uniqueCreationTime(dice);
    String state =
        plan.everyStateFirst() && index < STATES.size() ? STATES.get(index) : weightedState(dice);
    int user = dice.below(USERNAMES.size());
    RunMetricsGenerator.RunMetrics metrics =
        RunMetricsGenerator.generate(dice, spec, state, index, createdAt);
    Instant heartbeatAt =
        state.equals("pending")
            ? null
            : createdAt.plusSeconds(
                (long) Math.ceil(metrics.runtimeSeconds()) + 1 + dice.below(30));
    String displayName = dice.pick(ADJECTIVES) + "-" + dice.pick(NOUNS) + "-" + (index + 1);
    return new EmulatedRun(
        name,
        plan.everyStateFirst() && index == KOREAN_NAMED_RUN
            ? KOREAN_NAME + (index + 1)
            : displayName,
        state,
        tags(dice),
        plan.groups().isEmpty() || dice.chance(0.3) ? null : dice.pick(plan.groups()),
        dice.chance(0.2) ? null : dice.pick(JOB_TYPES),
        !plan.sweeps().isEmpty() && dice.chance(plan.sweepShare())
            ? dice.pick(plan.sweeps())
            : null,
        dice.chance(0.8) ? dice.hex(40) : null,
        dice.chance(0.3) ? dice.pick(NOTES) : null,
        dice.chance(0.2) ? dice.pick(DESCRIPTIONS) : null,
        createdAt,
        heartbeatAt,
        USERNAMES.get(user),
        FULL_NAMES.get(user),
        dice.chance(0.9) ? "gpu-node-0" + (1 + dice.below(4)) : null,
        RunConfigGenerator.generate(dice, index, name, createdAt),
        metrics.summary(),
        metrics.systemMetrics(),
        metrics.history(),
        metrics.events());
  }

  private String uniqueName(SeededDice dice) {
    String name = dice.alphanumeric(8);
    while (!usedNames.add(name)) {
      name = dice.alphanumeric(8);
    }
    return name;
  }

  private Instant uniqueCreationTime(SeededDice dice) {
    // 1 to 180 days before the base time, leaving the last day for heartbeats.
    Instant createdAt = base.minusSeconds(86_400L + dice.below(SPREAD_SECONDS));
    while (!usedCreationTimes.add(createdAt)) {
      createdAt = base.minusSeconds(86_400L + dice.below(SPREAD_SECONDS));
    }
    return createdAt;
  }

  private static String weightedState(SeededDice dice) {
    int roll = dice.below(100);
    if (roll < 60) {
      return "finished";
    }
    if (roll < 70) {
      return "running";
    }
    if (roll < 78) {
      return "crashed";
    }
    if (roll < 85) {
      return "failed";
    }
    if (roll < 91) {
      return "killed";
    }
    if (roll < 93) {
      return "preempting";
    }
    return roll < 96 ? "preempted" : "pending";
  }

  private static List<String> tags(SeededDice dice) {
    int roll = dice.below(100);
    if (roll < 15) {
      return null;
    }
    List<String> tags = new ArrayList<>();
    if (roll < 35) {
      return tags;
    }
    int count = 1 + dice.below(3);
    while (tags.size() < count) {
      String tag = dice.pick(TAGS);
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }
}
