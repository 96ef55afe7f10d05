package io.github.wandbjdbc.client.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.MetricOrder;
import io.github.wandbjdbc.client.RequestBudget;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunRanking;
import io.github.wandbjdbc.client.WandbInexactException;
import io.github.wandbjdbc.client.runs.RankedRuns.Ranked;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Hands over the runs of a listing in its {@link MetricOrder}, reading W&B only as far as the runs
 * taken, and never trusting W&B's order or its handling of values that are not finite numbers.
 *
 * <p>The argument. Call a run <em>finite</em> when its metric is a finite number, and <em>odd</em>
 * otherwise (missing, null, NaN, an infinity, a string, a list...). Two things are trusted: W&B
 * compares finite numbers as numbers, and a range between two finite bounds never holds a single
 * value that is not a finite number (true of MongoDB's and MySQL's JSON semantics and of every mode
 * of the project's emulator; a W&B that read NaN as 0 could not be told from one storing 0 without
 * reading every run). Then:
 *
 * <ol>
 *   <li>The first request asks for the first runs of the finite range in the hinted order.
 *   <li>One request counts, with aliased {@code runCount}s: all runs, the finite ones, and the
 *       finite ones no later than the page's last value t (and than the goal's value). If the page
 *       holds every finite run no later than t, the count equals what the page shows, and every row
 *       up to t is known, ties included; otherwise the counts differ and the reader does not guess.
 *   <li>The same request counts the runs lacking the key; all runs minus the finite and the absent
 *       ones hold some other value. Those, when there are any, are read whole ({@code $nor} of the
 *       range, key present) and must number exactly that: those the ranking puts before every
 *       number go before the page's rows, the rest after the last number. The absent runs read as
 *       NULL, which comes last: they are read only if the reader gets that far, and one holding a
 *       value after all is an error, not a wrong answer.
 *   <li>Runs are handed over sorted by the ranking. When the reader wants more, the next chunk asks
 *       for the finite runs after t, proven the same way.
 * </ol>
 *
 * A run W&B files among the numbers although the ranking reads no number there (a list holding a
 * number, a BIGINT column's 2.5) only ever comes after them, since NULLs come last: a chunk that
 * meets one keeps it for the end, and a count it disturbs fails its proof.
 *
 * <p>A proof that fails (W&B ordered otherwise, ties run past the page, a count disagrees) falls
 * back to reading every run of the listing and sorting here: exact, at the price of a full read.
 *
 * @param <K> the ranking's sort key
 */
final class MetricOrderReader<K> implements RunIterator {
  private enum Phase {
    FIRST,
    NEXT,
    TAIL,
    DONE
  }

  private final MetricRequests requests;
  private final MetricFilters filters;
  private final RunRanking<K> ranking;
  private final long goal;
  private final long limit;
  private final RankedRuns<K> runs;
  private Phase phase = Phase.FIRST;
  private double bound;

  /** Runs W&B counts as lacking the key: read at the end, as NULLs come last. */
  private long absent;

  private long pageRows;
  private volatile boolean closed;

  private MetricOrderReader(
      RunListings listings, RunQuery query, RunRanking<K> ranking, RequestBudget budget) {
    MetricOrder metricOrder = query.metricOrder();
    this.requests = new MetricRequests(listings, query, budget);
    this.filters =
        new MetricFilters(query.filter(), metricOrder.filterKey(), metricOrder.descending());
    this.ranking = ranking;
    this.runs = new RankedRuns<>(ranking);
    this.goal = metricOrder.goal();
    this.limit = query.limit();
    this.pageRows = Math.max(1, Math.min(Integer.MAX_VALUE, 2 * goal + 10));
  }

  /** The runs of {@code query}, whose metric order is not null, in that order. */
  static RunIterator of(RunListings listings, RunQuery query, RequestBudget budget) {
    return of(listings, query, query.metricOrder().ranking(), budget);
  }

  private static <K> RunIterator of(
      RunListings listings, RunQuery query, RunRanking<K> ranking, RequestBudget budget) {
    return new MetricOrderReader<>(listings, query, ranking, budget);
  }

  @Override
  public boolean hasNext() {
    if (limit >= 0 && runs.handedOver() >= limit) {
      return false;
    }
    while (!runs.hasReady() && phase != Phase.DONE && !closed) {
      advance();
    }
    return runs.hasReady() && !closed;
  }

  @Override
  public Run next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return runs.handOver();
  }

  @Override
  public long pagesFetched() {
    return requests.pages();
  }

  @Override
  public void close() {
    closed = true;
    requests.stop();
  }

  private void advance() {
    switch (phase) {
      case FIRST -> first();
      case NEXT -> nextChunk();
      case TAIL -> {
        if (absent > 0) {
          readAbsent();
        }
        runs.releaseEnd();
        phase = Phase.DONE;
      }
      case DONE -> {}
    }
  }

  /** Steps 1 to 3: the first chunk, the counts, the odd runs. */
  private void first() {
    RunPage page = requests.page(filters.finite(), pageRows);
    List<Ranked<K>> finite = new ArrayList<>();
    if (!sortFinite(page.runs(), finite) || page.hasNextPage() && finite.isEmpty()) {
      fallBack();
      return;
    }
    List<ObjectNode> counted =
        new ArrayList<>(List.of(filters.all(), filters.finite(), filters.absent()));
    double last = 0;
    double atGoal = 0;
    if (page.hasNextPage()) {
      last = runs.metric(finite.get(finite.size() - 1));
      atGoal = runs.metric(finite.get((int) Math.max(1, Math.min(goal, finite.size())) - 1));
      counted.add(filters.atOrBefore(last));
      counted.add(filters.atOrBefore(atGoal));
    }
    long[] counts = requests.counts(counted);
    absent = counts[2];
    long present = counts[0] - counts[1] - absent;
    List<Ranked<K>> odd = present == 0 ? List.of() : present < 0 ? null : readOdd(present);
    if (odd == null) {
      fallBack();
      return;
    }
    runs.placeWithoutNumbers(odd);
    if (!page.hasNextPage()) {
      handOver(finite, Phase.TAIL);
      return;
    }
    handOverProven(finite, last, counts[3], atGoal, counts[4]);
  }

  /** Step 4: the finite runs after the last proven value. */
  private void nextChunk() {
    pageRows = Math.min(Integer.MAX_VALUE, pageRows * 2);
    RunPage page = requests.page(filters.after(bound), pageRows);
    List<Ranked<K>> finite = new ArrayList<>();
    if (!sortFinite(page.runs(), finite)) {
      throw inexact(
          "W&B filed a run whose metric is not a finite number among the finite ones, after rows"
              + " were handed over in the order it would have preceded");
    }
    if (!page.hasNextPage()) {
      handOver(finite, Phase.TAIL);
      return;
    }
    if (finite.isEmpty()) {
      fallBack();
      return;
    }
    double last = runs.metric(finite.get(finite.size() - 1));
    double middle = runs.metric(finite.get((finite.size() - 1) / 2));
    long[] counts =
        requests.counts(
            List.of(
                filters.atOrBeforeAndAfter(last, bound),
                filters.atOrBeforeAndAfter(middle, bound)));
    handOverProven(finite, last, counts[0], middle, counts[1]);
  }

  /**
   * Hands over the page's runs up to the value it is proven complete to: its last, else the earlier
   * one; falls back when neither is proven. A page holds every finite run up to t when W&B counts
   * no more of them than the page shows.
   */
  private void handOverProven(
      List<Ranked<K>> finite, double last, long lastCount, double early, long earlyCount) {
    if (lastCount == atOrBefore(finite, last)) {
      handOverUpTo(finite, last);
    } else if (earlyCount == atOrBefore(finite, early)) {
      handOverUpTo(finite, early);
    } else {
      fallBack();
    }
  }

  private long atOrBefore(List<Ranked<K>> finite, double t) {
    return finite.stream().filter(r -> filters.atOrBefore(runs.metric(r), t)).count();
  }

  private void handOverUpTo(List<Ranked<K>> finite, double proven) {
    List<Ranked<K>> chunk = new ArrayList<>();
    for (Ranked<K> run : finite) {
      if (filters.atOrBefore(runs.metric(run), proven)) {
        chunk.add(run);
      }
    }
    bound = proven;
    handOver(chunk, Phase.NEXT);
  }

  private void handOver(List<Ranked<K>> proven, Phase then) {
    runs.ready(proven);
    phase = then;
  }

  /**
   * The runs of a page of the finite range into {@code finite}, sorted. A run the ranking reads no
   * number for there (a BIGINT column's 2.5, or a W&B breaking the trust above) goes to the tail
   * when SQL puts it after the numbers; otherwise false: the page cannot be used.
   */
  private boolean sortFinite(List<Run> page, List<Ranked<K>> finite) {
    for (Run run : page) {
      Ranked<K> ranked = runs.rank(run);
      if (ranking.number(ranked.key()) != null) {
        finite.add(ranked);
      } else if (!ranking.beforeNumbers(ranked.key())) {
        runs.keepForEnd(ranked);
      } else {
        return false;
      }
    }
    runs.sort(finite);
    return true;
  }

  /** Every odd run, or null when W&B's answer breaks the argument (then the reader falls back). */
  private List<Ranked<K>> readOdd(long expected) {
    List<Ranked<K>> odd = new ArrayList<>();
    for (Ranked<K> run : readAll(filters.presentNotFinite())) {
      if (ranking.number(run.key()) != null) {
        return null;
      }
      odd.add(run);
    }
    return odd.size() == expected ? odd : null;
  }

  /**
   * The runs without the key, read only once every number is handed over: SQL reads them as NULL,
   * which comes last. One that W&B counted as absent yet holds a value breaks the argument.
   */
  private void readAbsent() {
    for (Ranked<K> run : readAll(filters.absent())) {
      if (!ranking.isNull(run.key())) {
        throw inexact(
            "W&B counted run "
                + run.run().name()
                + " as lacking the metric although it holds a value, after rows were handed over"
                + " in the order it would have changed");
      }
      runs.keepForEnd(run);
    }
    absent = 0;
  }

  /** Reads every run of the listing and sorts them here; runs already handed over are skipped. */
  private void fallBack() {
    runs.replaceWith(readAll(filters.all()));
    absent = 0;
    phase = Phase.DONE;
  }

  private List<Ranked<K>> readAll(ObjectNode filter) {
    List<Ranked<K>> all = new ArrayList<>();
    requests.readAll(filter).forEach(run -> all.add(runs.rank(run)));
    return all;
  }

  private static WandbInexactException inexact(String what) {
    return new WandbInexactException(
        what + ". Run the query with pushdown=false.", RunListings.LISTING_OPERATION);
  }
}
