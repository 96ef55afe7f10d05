package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.HistoryQuery;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.WandbInexactException;
import io.github.wandbjdbc.client.runs.RunListings;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the reads of a {@link HistoryQuery}: which reads fetch one run's rows ({@link
 * HistoryCompleteness} judges their answers and plans the re-reads).
 *
 * <p>{@link HistoryQuery.Kind#EXACT} reads step windows of at most {@link #WINDOW_ROWS} rows. An
 * answer that may have been sampled by the server ({@link HistoryCompleteness}) is never trusted:
 * its window is split in two and read again. Window widths follow the run's density ({@code
 * historyLineCount} rows over {@code lastStep + 1} steps) so that a sparse run costs few windows.
 * With keys asked for, each key is its own {@code sampledHistory} spec (W&B returns only rows
 * holding every key of a spec), plus a {@code _step}-only spec that yields every row unless one of
 * the keys is in every row of the run; the answers are merged by step. A scan's first request also
 * carries a cap probe ({@link #probe}): one more {@code _step}-only row than any window asks, so
 * that its answer shows at once how many rows the server returns, and smaller window answers of the
 * same request are known complete without being split.
 *
 * <p>{@link HistoryQuery.Kind#SAMPLED} asks for whole rows sampled to {@code samples} per run;
 * {@link HistoryQuery.Kind#SYSTEM} for the whole system stream, checked against {@code
 * eventsLineCount}: the events API has no windows, so a stream W&B would only return sampled fails
 * the read instead of answering part of it.
 *
 * <p>An exact read may take the steps W&B has exported from its parquet files ({@link
 * #readsExports}); the files are then read for the same keys ({@link #exportKeys}) and the live
 * reads cover only the steps after them ({@link #reads(Run, long, long, long)}).
 */
final class HistoryReadPlanner {
  /** Rows asked per window: the page size of the official client's {@code scan_history}. */
  static final int WINDOW_ROWS = 1000;

  /** Rows a cap probe asks for: more than any window asks. */
  static final int PROBE_ROWS = WINDOW_ROWS + 1;

  /** System-metric rows asked per run at first. */
  static final int EVENTS_SAMPLES = 10_000;

  /** The most system-metric rows asked of one run. */
  static final int MAX_EVENTS = 100_000;

  /** Above this many metric keys, whole rows cost less than one spec per key. */
  private static final int MAX_SPECS = 8;

  private static final String STEP = "_step";

  private final HistoryQuery.Kind kind;
  private final List<String> keys;

  /** Whether every wanted row holds one of the keys, so no {@code _step}-only spec is needed. */
  private final boolean rowsHoldAKey;

  private final int samples;
  private final long minStep;
  private final long endStep;
  private final boolean exports;

  HistoryReadPlanner(HistoryQuery query) {
    List<String> keys = query.keys();
    this.kind = query.kind();
    this.keys =
        keys == null || keys.size() > MAX_SPECS || keys.stream().anyMatch(k -> k.indexOf('.') >= 0)
            ? null
            : keys;
    this.rowsHoldAKey =
        this.keys != null && query.requiredKeys().stream().anyMatch(this.keys::contains);
    this.samples = query.samples();
    this.minStep = query.minStep();
    this.endStep = query.endStep();
    this.exports = query.exports() && kind == HistoryQuery.Kind.EXACT;
  }

  /** Whether the scan reads the steps W&B has exported from its parquet files. */
  boolean readsExports() {
    return exports;
  }

  /**
   * The keys an export read fetches besides {@code _step}: the live reads' keys, null for whole
   * rows, so that both paths give rows of the same shape (and the cache one shape per run).
   */
  List<String> exportKeys() {
    return keys;
  }

  /** Whether the live reads leave out rows that hold none of the keys. */
  boolean onlyRowsWithAKey() {
    return rowsHoldAKey;
  }

  long minStep() {
    return minStep;
  }

  long endStep() {
    return endStep;
  }

  /** How many row lists one read answers (what a request's size is measured in). */
  int listsPerRead() {
    return kind == HistoryQuery.Kind.EXACT && keys != null ? keys.size() + 1 : 1; // at most
  }

  /**
   * The first reads of {@code run}; none when it has no rows in range. With {@code firstRows > 0}
   * the first window is narrowed to about that many rows (by the run's density), so that a reader
   * who wants only a first page is not sent a whole window.
   */
  List<HistoryRead> reads(Run run, long firstRows) {
    return reads(run, firstRows, minStep, endStep);
  }

  /** As {@link #reads(Run, long)}, of steps {@code from} (inclusive) to {@code to} (exclusive). */
  List<HistoryRead> reads(Run run, long firstRows, long from, long to) {
    String name = run.name();
    Long lines = run.historyLineCount();
    switch (kind) {
      case SYSTEM:
        return List.of(new HistoryRead.Events(name, EVENTS_SAMPLES));
      case SAMPLED:
        return lines != null && lines == 0
            ? List.of()
            : List.of(new HistoryRead.Sampled(name, samples));
      default:
        break;
    }
    StepRange range = stepRange(run, from, to);
    if (range == null) {
      return List.of();
    }
    long width = Math.max(WINDOW_ROWS, (long) Math.ceil(WINDOW_ROWS / 2.0 * range.stepsPerRow()));
    List<List<String>> specKeys = specKeys(run);
    List<HistoryRead> reads = new ArrayList<>();
    long next = range.from();
    if (firstRows > 0) {
      long first = Math.min(width, Math.max(1, (long) Math.ceil(firstRows * range.stepsPerRow())));
      first = Math.min(first, range.end() - next);
      reads.add(window(name, specKeys, next, next + first));
      next += first;
    }
    for (; next < range.end(); next = next + Math.min(width, range.end() - next)) {
      reads.add(window(name, specKeys, next, next + Math.min(width, range.end() - next)));
    }
    return reads;
  }

  /**
   * A {@code _step}-only read of {@link #PROBE_ROWS} rows over the steps of {@code run} in range,
   * or null when the read is not exact or the run has no rows in range. It is never handed over:
   * its answer only counts towards the largest answer (see {@link HistoryCompleteness}).
   */
  HistoryRead probe(Run run) {
    StepRange range = kind == HistoryQuery.Kind.EXACT ? stepRange(run) : null;
    if (range == null) {
      return null;
    }
    return new HistoryRead.Specs(
        run.name(),
        List.of(new HistorySpec(List.of(STEP), PROBE_ROWS, range.from(), range.end() - 1)));
  }

  /**
   * What this scan reads of {@code run}, as the cache names it: whole rows, the outer union of one
   * set of specs, or the system stream; null for sampled reads, which W&B samples.
   */
  String shape(Run run) {
    return switch (kind) {
      case SAMPLED -> null;
      case SYSTEM -> "events";
      case EXACT -> {
        List<List<String>> specKeys = specKeys(run);
        yield specKeys == null ? "rows" : "specs" + specKeys;
      }
    };
  }

  /** Whether the scan reads every row of {@code run}, so that its answers can be cached. */
  boolean readsWholeRun(Run run) {
    if (kind != HistoryQuery.Kind.EXACT) {
      return kind == HistoryQuery.Kind.SYSTEM;
    }
    Long lastStep = run.lastStep();
    return minStep <= 0 && lastStep != null && endStep > lastStep;
  }

  /** Whether a cached row of {@code run} is in the scan's step range. */
  boolean inRange(ObjectNode row) {
    if (kind != HistoryQuery.Kind.EXACT) {
      return true;
    }
    JsonNode step = row.get(STEP);
    return step != null
        && step.canConvertToLong()
        && step.asLong() >= minStep
        && step.asLong() < endStep;
  }

  /**
   * The first step a read covers (0 for whole-stream reads): cached lists are kept in its order.
   */
  static long firstStep(HistoryRead read) {
    long[] steps = steps(read);
    return steps == null ? 0 : steps[0];
  }

  /** About how many rows {@code read} of {@code run} answers. */
  double expectedRows(Run run, HistoryRead read) {
    Long lines = run.historyLineCount();
    if (read instanceof HistoryRead.Sampled sampled) {
      return lines == null ? sampled.samples() : Math.min(sampled.samples(), lines);
    }
    if (read instanceof HistoryRead.Events events) {
      return events.samples();
    }
    StepRange range = stepRange(run);
    long[] steps = steps(read);
    return range == null || steps == null ? 0 : (steps[1] - steps[0]) / range.stepsPerRow();
  }

  /** The steps {@code from} (inclusive) to {@code end} (exclusive) of a run read in range. */
  private record StepRange(long from, long end, double stepsPerRow) {}

  /**
   * Whether an exact read of {@code run} has steps in range, so {@link #reads} would plan some; as
   * {@link #reads}, fails when W&B hides the run's last step.
   */
  boolean hasStepsInRange(Run run) {
    return stepRange(run) != null;
  }

  /** The run's steps in range, or null when it has none; fails when W&B hides its last step. */
  private StepRange stepRange(Run run) {
    return stepRange(run, minStep, endStep);
  }

  /** As {@link #stepRange(Run)}, within steps {@code from} to {@code to} (exclusive). */
  private StepRange stepRange(Run run, long from, long to) {
    String name = run.name();
    Long lines = run.historyLineCount();
    if (lines != null && lines == 0) {
      return null;
    }
    Long lastStep = run.lastStep();
    if (lastStep == null) {
      if (lines == null) {
        return null;
      }
      throw new WandbInexactException(
          "W&B reports "
              + lines
              + " history rows for run "
              + name
              + " but not its last step (historyKeys.lastStep), so its history cannot be read in "
              + "exact windows.",
          RunListings.LISTING_OPERATION);
    }
    long end = Math.min(to, lastStep + 1);
    if (from >= end) {
      return null;
    }
    double stepsPerRow = lines != null && lines > 0 ? (lastStep + 1.0) / lines : 1;
    return new StepRange(from, end, Math.max(1, stepsPerRow));
  }

  /** The key sets of one window's specs for {@code run}; null for whole rows. */
  private List<List<String>> specKeys(Run run) {
    if (keys == null) {
      return null;
    }
    List<List<String>> specs = new ArrayList<>(keys.size() + 1);
    if (!rowsHoldAKey && keys.stream().noneMatch(key -> inEveryRow(run, key))) {
      specs.add(List.of(STEP)); // every row, whichever keys it holds
    }
    keys.forEach(key -> specs.add(List.of(STEP, key)));
    return specs;
  }

  /**
   * Whether {@code historyKeys} counts as many values of {@code key} as the run has rows: then its
   * spec alone yields every row, and the {@code _step}-only spec would only repeat them.
   */
  private static boolean inEveryRow(Run run, String key) {
    Long lines = run.historyLineCount();
    JsonNode counts =
        run.historyKeys() == null
            ? null
            : run.historyKeys().path("keys").path(key).path("typeCounts");
    if (lines == null || counts == null || !counts.isArray()) {
      return false;
    }
    long values = 0;
    for (JsonNode count : counts) {
      values += count.path("count").asLong();
    }
    return values == lines;
  }

  static HistoryRead window(String run, List<List<String>> specKeys, long from, long to) {
    if (specKeys == null) {
      return new HistoryRead.Window(run, from, to, WINDOW_ROWS);
    }
    List<HistorySpec> specs = new ArrayList<>(specKeys.size());
    // sampledHistory's maxStep is inclusive.
    specKeys.forEach(k -> specs.add(new HistorySpec(k, WINDOW_ROWS, from, to - 1)));
    return new HistoryRead.Specs(run, specs);
  }

  /** The steps {@code [from, to)} a window or specs read covers; null for other reads. */
  static long[] steps(HistoryRead read) {
    if (read instanceof HistoryRead.Window w) {
      return new long[] {w.minStep(), w.maxStep()};
    }
    if (read instanceof HistoryRead.Specs s) {
      return new long[] {s.specs().get(0).minStep(), s.specs().get(0).maxStep() + 1};
    }
    return null;
  }
}
