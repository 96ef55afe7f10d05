package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plans the reads of a {@link HistoryQuery}: which reads fetch one run's rows, and which re-reads
 * an answer needs because it may be incomplete.
 *
 * <p>{@link HistoryQuery.Kind#EXACT} reads step windows of at most {@link #WINDOW_ROWS} rows. An
 * answer that may have been sampled by the server ({@link #isComplete}) is never trusted: its
 * window is split in two and read again. Window widths follow the run's density ({@code
 * historyLineCount} rows over {@code lastStep + 1} steps) so that a sparse run costs few windows.
 * With keys asked for, each key is its own {@code sampledHistory} spec (W&B returns only rows
 * holding every key of a spec), plus a {@code _step}-only spec that yields every row unless one of
 * the keys is in every row of the run; the answers are merged by step.
 *
 * <p>{@link HistoryQuery.Kind#SAMPLED} asks for whole rows sampled to {@code samples} per run;
 * {@link HistoryQuery.Kind#SYSTEM} for the whole system stream, checked against {@code
 * eventsLineCount}: the events API has no windows, so a stream W&B would only return sampled fails
 * the read instead of answering part of it.
 */
final class HistoryReadPlanner {
  /** Rows asked per window: the page size of the official client's {@code scan_history}. */
  static final int WINDOW_ROWS = 1000;

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

  /** The most rows any window answer of this scan held (read by every worker). */
  private final AtomicInteger largestAnswer = new AtomicInteger();

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
  }

  /** How many row lists one read answers (what a request's size is measured in). */
  int listsPerRead() {
    return kind == HistoryQuery.Kind.EXACT && keys != null ? keys.size() + 1 : 1; // at most
  }

  /** The first reads of {@code run}; none when it has no rows in range. */
  List<HistoryRead> reads(Run run) {
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
    if (lines != null && lines == 0) {
      return List.of();
    }
    JsonNode lastStep = run.historyKeys() == null ? null : run.historyKeys().get("lastStep");
    if (lastStep == null || !lastStep.canConvertToLong()) {
      if (lines == null) {
        return List.of();
      }
      throw new WandbInexactException(
          "W&B reports "
              + lines
              + " history rows for run "
              + name
              + " but not its last step (historyKeys.lastStep), so its history cannot be read in "
              + "exact windows.",
          GraphQlDocument.RUNS.operationName());
    }
    long end = Math.min(endStep, lastStep.asLong() + 1);
    if (minStep >= end) {
      return List.of();
    }
    long width = WINDOW_ROWS;
    if (lines != null && lines > 0) {
      double stepsPerRow = (lastStep.asLong() + 1.0) / lines;
      width = Math.max(WINDOW_ROWS, (long) Math.ceil(WINDOW_ROWS / 2.0 * stepsPerRow));
    }
    List<List<String>> specKeys = specKeys(run);
    List<HistoryRead> reads = new ArrayList<>();
    for (long from = minStep; from < end; from = from + Math.min(width, end - from)) {
      reads.add(window(name, specKeys, from, from + Math.min(width, end - from)));
    }
    return reads;
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

  private static HistoryRead window(String run, List<List<String>> specKeys, long from, long to) {
    if (specKeys == null) {
      return new HistoryRead.Window(run, from, to, WINDOW_ROWS);
    }
    List<HistorySpec> specs = new ArrayList<>(specKeys.size());
    // sampledHistory's maxStep is inclusive.
    specKeys.forEach(k -> specs.add(new HistorySpec(k, WINDOW_ROWS, from, to - 1)));
    return new HistoryRead.Specs(run, specs);
  }

  /**
   * The reads that replace {@code read} because its answer may be incomplete, or an empty list when
   * the answer is exact. Throws when no read could make it exact.
   */
  List<HistoryRead> rereads(HistoryRead read, HistoryAnswer answer) {
    if (read instanceof HistoryRead.Events events) {
      return eventRereads(events, answer);
    }
    long from;
    long to;
    if (read instanceof HistoryRead.Window w) {
      from = w.minStep();
      to = w.maxStep();
    } else if (read instanceof HistoryRead.Specs s) {
      from = s.specs().get(0).minStep();
      to = s.specs().get(0).maxStep() + 1;
    } else {
      return List.of(); // a sampled read is sampled by definition
    }
    boolean complete = true;
    for (List<ObjectNode> rows : answer.rowLists()) {
      complete &= isComplete(rows.size(), to - from); // every list counts towards the largest
    }
    if (complete) {
      return List.of();
    }
    long middle = from + (to - from) / 2;
    List<List<String>> specKeys =
        read instanceof HistoryRead.Specs specsRead
            ? specsRead.specs().stream().map(HistorySpec::keys).toList()
            : null;
    return List.of(
        window(read.run(), specKeys, from, middle), window(read.run(), specKeys, middle, to));
  }

  /**
   * Whether an answer of {@code rows} rows for a window of {@code width} steps holds every row.
   * Empty, or one row per step, it does. Otherwise it may be a sample, for W&B returns at most as
   * many rows as asked and may cap that number lower, unannounced: a sampled answer holds exactly
   * that cap, and no complete answer holds more. So an answer at least as large as every answer
   * seen so far is split and read again; one smaller than some earlier answer is complete.
   */
  private boolean isComplete(int rows, long width) {
    int largest = largestAnswer.accumulateAndGet(rows, Math::max);
    return rows == 0 || rows >= width || rows < largest;
  }

  private static List<HistoryRead> eventRereads(HistoryRead.Events read, HistoryAnswer answer) {
    int rows = answer.rows().size();
    Long total = answer.eventsLineCount();
    if (total == null ? rows < read.samples() : rows >= total) {
      return List.of();
    }
    if (total != null && total > read.samples() && total <= MAX_EVENTS) {
      return List.of(new HistoryRead.Events(read.run(), (int) (long) total));
    }
    throw new WandbInexactException(
        "W&B returned "
            + rows
            + " of "
            + (total == null ? "at least " + rows : total.toString())
            + " system-metric rows of run "
            + read.run()
            + ": its events API samples longer streams, "
            + "so system_metrics cannot answer exactly for this run. Use sampled data through "
            + "runs.system_metrics, or filter on other runs.",
        HistoryBatchDocument.OPERATION);
  }
}
