package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built datasets for the emulator's own tests. */
final class TestData {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

  private TestData() {}

  /** Entity "acme", viewer "alice"; project "demo" with {@code runs}, project "empty" with none. */
  static EmulatedDataset dataset(List<EmulatedRun> runs) {
    return new EmulatedDataset(
        "acme",
        "alice",
        List.of(
            new EmulatedProject("acme", "demo", T0, runs),
            new EmulatedProject("acme", "empty", T0, List.of())));
  }

  /** Runs r00..r(n-1), created a minute apart in reverse insertion order (so sorting matters). */
  static List<EmulatedRun> runs(int n) {
    List<EmulatedRun> runs = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      runs.add(run(String.format("r%02d", i), i, List.of()));
    }
    return runs;
  }

  static EmulatedRun run(String name, int minute, List<ObjectNode> history) {
    ObjectNode config = NODES.objectNode();
    config.putObject("lr").put("value", 0.01).putNull("desc");
    config.putObject("_wandb").putObject("value").put("cli_version", "0.30.0");
    ObjectNode summary = NODES.objectNode().put("loss", 0.25).put("_step", 9);
    ObjectNode system = NODES.objectNode().put("system.cpu", 12.5);
    return new EmulatedRun(
        name,
        "display-" + name,
        "finished",
        List.of("baseline"),
        "grp",
        "train",
        null,
        "abc123",
        null,
        null,
        T0.plusSeconds(60L * minute),
        T0.plusSeconds(60L * minute + 30),
        "alice",
        "Alice A.",
        "host-1",
        config,
        summary,
        system,
        history,
        List.of());
  }

  /** History rows with {@code _step} 0..n-1 and a "loss" value on each. */
  static List<ObjectNode> steps(int n) {
    List<ObjectNode> rows = new ArrayList<>();
    for (int step = 0; step < n; step++) {
      rows.add(NODES.objectNode().put("_step", step).put("loss", step / 10.0));
    }
    return rows;
  }

  static EmulatedRun withSummary(EmulatedRun run, ObjectNode summary) {
    return new EmulatedRun(
        run.name(),
        run.displayName(),
        run.state(),
        run.tags(),
        run.group(),
        run.jobType(),
        run.sweepName(),
        run.commit(),
        run.notes(),
        run.description(),
        run.createdAt(),
        run.heartbeatAt(),
        run.username(),
        run.userFullName(),
        run.host(),
        run.config(),
        summary,
        run.systemMetrics(),
        run.history(),
        run.events());
  }

  static EmulatedRun withState(EmulatedRun run, String state) {
    return new EmulatedRun(
        run.name(),
        run.displayName(),
        state,
        run.tags(),
        run.group(),
        run.jobType(),
        run.sweepName(),
        run.commit(),
        run.notes(),
        run.description(),
        run.createdAt(),
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

  static EmulatedRun withEvents(EmulatedRun run, List<ObjectNode> events) {
    return new EmulatedRun(
        run.name(),
        run.displayName(),
        run.state(),
        run.tags(),
        run.group(),
        run.jobType(),
        run.sweepName(),
        run.commit(),
        run.notes(),
        run.description(),
        run.createdAt(),
        run.heartbeatAt(),
        run.username(),
        run.userFullName(),
        run.host(),
        run.config(),
        run.summary(),
        run.systemMetrics(),
        run.history(),
        events);
  }
}
