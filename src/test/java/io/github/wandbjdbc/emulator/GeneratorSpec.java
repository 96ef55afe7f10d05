package io.github.wandbjdbc.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * Parameters of {@link DatasetGenerator}: the seed and the sizes. {@code runsPerProject} applies to
 * the "demo" and "mnist-sweeps" projects; {@code historySteps} is the most history rows a run holds
 * (finished runs hold exactly that many); {@code eventsPerRun} the system-metrics rows of every run
 * that has started; runs are created in the ~180 days before {@code baseTime}.
 */
public record GeneratorSpec(
    long seed, int runsPerProject, int historySteps, int eventsPerRun, Instant baseTime) {

  public GeneratorSpec {
    requireNonNegative(runsPerProject, "runsPerProject");
    requireNonNegative(historySteps, "historySteps");
    requireNonNegative(eventsPerRun, "eventsPerRun");
    Objects.requireNonNull(baseTime, "baseTime is null");
  }

  /** 40 runs per project, up to 200 history steps, 20 events per run, base 2026-11-01T00:00Z. */
  public static GeneratorSpec defaults(long seed) {
    return new GeneratorSpec(seed, 40, 200, 20, Instant.parse("2026-11-01T00:00:00Z"));
  }

  public GeneratorSpec withRunsPerProject(int n) {
    return new GeneratorSpec(seed, n, historySteps, eventsPerRun, baseTime);
  }

  public GeneratorSpec withHistorySteps(int n) {
    return new GeneratorSpec(seed, runsPerProject, n, eventsPerRun, baseTime);
  }

  public GeneratorSpec withEventsPerRun(int n) {
    return new GeneratorSpec(seed, runsPerProject, historySteps, n, baseTime);
  }

  private static void requireNonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }
}
