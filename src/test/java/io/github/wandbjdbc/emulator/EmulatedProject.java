package io.github.wandbjdbc.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A project and its runs. Runs can be added and removed while the server is serving (tests use this
 * to shift offset cursors mid-scan), so the run list is guarded and read as snapshots.
 */
public final class EmulatedProject {
  private final String entity;
  private final String name;
  private final Instant createdAt;
  private final List<EmulatedRun> runs = new ArrayList<>();

  public EmulatedProject(String entity, String name, Instant createdAt, List<EmulatedRun> runs) {
    this.entity = Objects.requireNonNull(entity, "entity is null");
    this.name = Objects.requireNonNull(name, "name is null");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt is null");
    this.runs.addAll(runs);
  }

  public String entity() {
    return entity;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** A point-in-time copy of the runs, in insertion order. */
  public synchronized List<EmulatedRun> runs() {
    return List.copyOf(runs);
  }

  public synchronized void addRun(EmulatedRun run) {
    runs.add(run);
  }

  public synchronized boolean removeRun(String runName) {
    return runs.removeIf(r -> r.name().equals(runName));
  }
}
