package io.github.wandbjdbc.client.histories;

import java.util.List;
import java.util.Objects;

/**
 * One read of one run's history or system metrics, as a {@link HistoryBatchReader} batch item. Each
 * answers a list of row lists: one per spec for {@link Specs}, exactly one otherwise.
 */
sealed interface HistoryRead {

  /** The run's name (its id in URLs and SQL). */
  String run();

  /**
   * Whole rows of steps {@code minStep} (inclusive) to {@code maxStep} (exclusive), at most {@code
   * samples} of them: every row when {@code samples >= maxStep - minStep}, otherwise the server may
   * sample.
   */
  record Window(String run, long minStep, long maxStep, int samples) implements HistoryRead {
    public Window {
      Objects.requireNonNull(run, "run is null");
      requirePositive(samples);
      if (maxStep <= minStep) {
        throw new IllegalArgumentException("empty window " + minStep + ".." + maxStep);
      }
    }
  }

  /** {@code sampledHistory}: per spec, the rows holding all its keys, only those keys. */
  record Specs(String run, List<HistorySpec> specs) implements HistoryRead {
    public Specs {
      Objects.requireNonNull(run, "run is null");
      specs = List.copyOf(specs);
      if (specs.isEmpty()) {
        throw new IllegalArgumentException("a sampledHistory read needs at least one spec");
      }
    }
  }

  /** Whole rows of the entire history, down-sampled by the server to about {@code samples}. */
  record Sampled(String run, int samples) implements HistoryRead {
    public Sampled {
      Objects.requireNonNull(run, "run is null");
      requirePositive(samples);
    }
  }

  /** The system-metrics stream, at most {@code samples} rows. */
  record Events(String run, int samples) implements HistoryRead {
    public Events {
      Objects.requireNonNull(run, "run is null");
      requirePositive(samples);
    }
  }

  /**
   * The run's exported history ({@code parquetHistory}): signed URLs of its parquet files and the
   * steps not yet exported. Answered by {@link HistoryBatchReader#exports}, not as row lists.
   */
  record Exports(String run) implements HistoryRead {
    public Exports {
      Objects.requireNonNull(run, "run is null");
    }
  }

  private static void requirePositive(int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, was " + samples);
    }
  }
}
