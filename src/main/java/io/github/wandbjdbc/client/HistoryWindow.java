package io.github.wandbjdbc.client;

import java.util.Objects;

/**
 * A window of one run's history: steps from {@code minStep} (inclusive) to {@code maxStep}
 * (exclusive), at most {@code samples} rows. With {@code samples >= maxStep - minStep} W&B returns
 * every row of the window; otherwise it may sample.
 */
public record HistoryWindow(
    String entity, String project, String run, long minStep, long maxStep, int samples) {

  public HistoryWindow {
    Objects.requireNonNull(entity, "entity is null");
    Objects.requireNonNull(project, "project is null");
    Objects.requireNonNull(run, "run is null");
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, was " + samples);
    }
  }
}
