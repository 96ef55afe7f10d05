package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A history read: the rows of every run of {@code entity/project} that {@code runFilter} (a W&B run
 * filter; null = every run) selects, listed {@code pageSize} runs per page and read with up to
 * {@code concurrency} requests in flight. {@code keys} are the logged keys wanted ({@code _step}
 * always comes along), or null for whole rows; {@code minStep} (inclusive) to {@code endStep}
 * (exclusive) bound the steps of {@link Kind#EXACT} reads; {@code samples} is the points per run of
 * {@link Kind#SAMPLED} reads. {@code requiredKeys} (a subset of {@code keys}, may be empty) are
 * keys every wanted row holds: rows lacking one may be left out, so an exact read needs no spec for
 * rows that hold none of the keys. {@code rowGoal} is how many rows the reader wants first (the
 * fetch size, a LIMIT or maxRows; 0 when unknown): the first request is sized to it, and reads run
 * ahead only once the reader has taken that many. {@code ordered} asks for runs in order of their
 * names ({@link String#compareTo}) rather than W&B's listing order, at the cost of listing every
 * run before the first row. {@code exports} lets exact reads take the steps W&B has exported from
 * its parquet files (read live otherwise, and whatever the files cannot answer exactly is read live
 * anyway). Lists are copied; the query owns the filter node it is given (the caller must not change
 * it afterwards).
 */
public record HistoryQuery(
    String entity,
    String project,
    Kind kind,
    List<String> keys,
    List<String> requiredKeys,
    int samples,
    long minStep,
    long endStep,
    ObjectNode runFilter,
    int pageSize,
    int concurrency,
    long rowGoal,
    boolean ordered,
    boolean exports) {

  /** What is read of each run. */
  public enum Kind {
    /** Every logged row, read in step windows whose answers are checked to be complete. */
    EXACT,
    /** The rows W&B samples to {@code samples} points per run. */
    SAMPLED,
    /** The whole system-metrics stream ({@code events}). */
    SYSTEM
  }

  public HistoryQuery {
    Objects.requireNonNull(entity, "entity is null");
    Objects.requireNonNull(project, "project is null");
    Objects.requireNonNull(kind, "kind is null");
    keys = keys == null ? null : List.copyOf(keys);
    requiredKeys = List.copyOf(requiredKeys);
    requirePositive("samples", samples);
    requirePositive("pageSize", pageSize);
    requirePositive("concurrency", concurrency);
    if (rowGoal < 0) {
      throw new IllegalArgumentException("rowGoal must be >= 0, was " + rowGoal);
    }
  }

  /** The listing of the runs to read, with the run fields the read plan (and the cache) needs. */
  public RunQuery runListing(boolean cacheMarkers) {
    Set<RunField> fields = EnumSet.of(RunField.HISTORY_LINE_COUNT);
    if (kind == Kind.EXACT) {
      fields.add(RunField.HISTORY_KEYS);
    }
    if (cacheMarkers) { // what tells the history cache whether a run may have changed
      fields.add(RunField.STATE);
      fields.add(RunField.HEARTBEAT_AT);
    }
    return new RunQuery(entity, project, runFilter, null, pageSize, -1, RunSelection.of(fields));
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
