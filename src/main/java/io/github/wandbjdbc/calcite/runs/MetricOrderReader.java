package io.github.wandbjdbc.calcite.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.calcite.QueryGuard;
import io.github.wandbjdbc.calcite.RowFormats;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunPage;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.WandbException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Hands over the runs of a filter in a {@link MetricOrder}, reading W&B only as far as the rows
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
 *       range, key present) and must number exactly that: those SQL puts before every number (NaN
 *       and +Infinity descending, -Infinity ascending) go before the page's rows, the rest after
 *       the last number. The absent runs read as NULL, which comes last: they are read only if the
 *       reader gets that far, and one holding a value after all is an error, not a wrong answer.
 *   <li>Rows are handed over sorted by the whole ORDER BY. When the reader wants more, the next
 *       chunk asks for the finite runs after t, proven the same way.
 * </ol>
 *
 * A run W&B files among the numbers although SQL reads NULL there (a list holding a number, a
 * BIGINT column's 2.5) only ever comes after them, since the order is NULLS LAST ({@link
 * RunsMetricOrderRule}): a chunk that meets one keeps it for the end, and a count it disturbs fails
 * its proof.
 *
 * <p>A proof that fails (W&B ordered otherwise, ties run past the page, a count disagrees) falls
 * back to reading every run of the filter and sorting here: exact, at the price of a full read.
 */
final class MetricOrderReader implements Enumerator<Object> {
  private enum Phase {
    FIRST,
    NEXT,
    TAIL,
    DONE
  }

  /** A run's row, with its name to tell runs apart. */
  private record Ranked(String name, Object[] row) {}

  private final WandbClient client;
  private final ProjectContext context;
  private final MetricOrderRequests requests;
  private final List<RunsColumn> columns;
  private final int metricIndex;
  private final MetricOrder order;
  private final Comparator<Ranked> rowOrder;
  private final long limit;
  private final QueryGuard guard;
  private final Deque<Ranked> ready = new ArrayDeque<>();
  private final List<Ranked> tail = new ArrayList<>();
  private final Set<String> handedOver = new HashSet<>();
  private Phase phase = Phase.FIRST;
  private double bound;

  /** Runs W&B counts as lacking the key: read at the end, as NULLs come last. */
  private long absent;

  private long pageRows;
  private Object current;

  MetricOrderReader(
      WandbClient client,
      ProjectContext context,
      ObjectNode filter,
      RunSelection selection,
      int pageSize,
      List<RunsColumn> columns,
      MetricOrder order,
      long limit,
      QueryGuard guard) {
    this.client = client;
    this.context = context;
    this.requests =
        new MetricOrderRequests(client, context, filter, selection, pageSize, order.hint());
    this.columns = columns;
    List<String> names = columns.stream().map(RunsColumn::name).toList();
    this.metricIndex = names.indexOf(order.metric().column());
    this.order = order;
    Comparator<Object[]> rows = order.rowOrder(names);
    this.rowOrder = (a, b) -> rows.compare(a.row(), b.row());
    this.limit = limit;
    this.guard = guard;
    this.pageRows = Math.max(1, Math.min(Integer.MAX_VALUE, 2 * order.goal() + 10));
    guard.onStop(requests);
  }

  @Override
  public Object current() {
    return current;
  }

  /** The next row; at the end, or when it throws, the reader is closed at once. */
  @Override
  public boolean moveNext() {
    try {
      guard.check();
      if (limit < 0 || handedOver.size() < limit) {
        while (ready.isEmpty() && phase != Phase.DONE) {
          advance();
          guard.check();
        }
      }
      Ranked next = limit >= 0 && handedOver.size() >= limit ? null : ready.poll();
      if (next != null) {
        handedOver.add(next.name());
        current = RowFormats.row(next.row());
        return true;
      }
    } catch (WandbException e) {
      close();
      throw guard.explain(e, client.isClosed());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    close();
    return false;
  }

  private void advance() {
    switch (phase) {
      case FIRST -> first();
      case NEXT -> next();
      case TAIL -> {
        if (absent > 0) {
          readAbsent();
        }
        tail.sort(rowOrder);
        ready.addAll(tail);
        tail.clear();
        phase = Phase.DONE;
      }
      case DONE -> {}
    }
  }

  /** Steps 1 to 3: the first chunk, the counts, the odd runs. */
  private void first() {
    RunPage page = requests.page(order.finite(), pageRows);
    List<Ranked> finite = new ArrayList<>();
    if (!sortFinite(page.runs(), finite) || page.hasNextPage() && finite.isEmpty()) {
      fallBack();
      return;
    }
    List<ObjectNode> filters =
        new ArrayList<>(
            List.of(requests.all(), requests.and(order.finite()), requests.and(order.absent())));
    double last = 0;
    double atGoal = 0;
    if (page.hasNextPage()) {
      last = metric(finite.get(finite.size() - 1));
      atGoal = metric(finite.get((int) Math.max(1, Math.min(order.goal(), finite.size())) - 1));
      filters.add(requests.and(order.atOrBefore(last)));
      filters.add(requests.and(order.atOrBefore(atGoal)));
    }
    long[] counts = requests.counts(filters);
    absent = counts[2];
    long present = counts[0] - counts[1] - absent;
    List<Ranked> odd = present == 0 ? List.of() : present < 0 ? null : readOdd(present);
    if (odd == null) {
      fallBack();
      return;
    }
    for (Ranked run : odd) {
      (beforeFinite(run.row()[metricIndex]) ? ready : tail).add(run);
    }
    if (!page.hasNextPage()) {
      handOver(finite, Phase.TAIL);
      return;
    }
    Double proven = proven(finite, last, counts[3], atGoal, counts[4]);
    if (proven == null) {
      fallBack();
      return;
    }
    handOverUpTo(finite, proven);
  }

  /** Step 4: the finite runs after the last proven value. */
  private void next() {
    pageRows = Math.min(Integer.MAX_VALUE, pageRows * 2);
    RunPage page = requests.page(order.after(bound), pageRows);
    List<Ranked> finite = new ArrayList<>();
    if (!sortFinite(page.runs(), finite)) {
      throw new IllegalStateException(
          "W&B filed a run whose "
              + order.metric().column()
              + " is not a finite number among the finite ones, after rows were handed over in"
              + " the order they would have preceded. Run the query with pushdown=false.");
    }
    if (!page.hasNextPage()) {
      handOver(finite, Phase.TAIL);
      return;
    }
    if (finite.isEmpty()) {
      fallBack();
      return;
    }
    double last = metric(finite.get(finite.size() - 1));
    double middle = metric(finite.get((finite.size() - 1) / 2));
    long[] counts =
        requests.counts(
            List.of(
                requests.and(order.atOrBeforeAndAfter(last, bound)),
                requests.and(order.atOrBeforeAndAfter(middle, bound))));
    Double proven = proven(finite, last, counts[0], middle, counts[1]);
    if (proven == null) {
      fallBack();
      return;
    }
    handOverUpTo(finite, proven);
  }

  /**
   * The value up to which the page is proven complete: its last, else the earlier one, else null. A
   * page holds every finite run up to t when W&B counts no more of them than the page shows.
   */
  private Double proven(
      List<Ranked> finite, double last, long lastCount, double early, long earlyCount) {
    if (lastCount == atOrBefore(finite, last)) {
      return last;
    }
    return earlyCount == atOrBefore(finite, early) ? early : null;
  }

  private long atOrBefore(List<Ranked> finite, double t) {
    return finite.stream().filter(r -> order.atOrBefore(metric(r), t)).count();
  }

  private void handOverUpTo(List<Ranked> finite, double proven) {
    List<Ranked> chunk = new ArrayList<>();
    for (Ranked run : finite) {
      if (order.atOrBefore(metric(run), proven)) {
        chunk.add(run);
      }
    }
    bound = proven;
    handOver(chunk, Phase.NEXT);
  }

  private void handOver(List<Ranked> rows, Phase then) {
    List<Ranked> sorted = new ArrayList<>(ready);
    sorted.addAll(rows);
    sorted.sort(rowOrder);
    ready.clear();
    ready.addAll(sorted);
    phase = then;
  }

  /**
   * The rows of a page of the finite range into {@code finite}, sorted. A row read as NULL or not
   * finite there (a BIGINT column's 2.5, or a W&B breaking the trust above) goes to the tail when
   * SQL puts it after the finite rows; otherwise false: the page cannot be used.
   */
  private boolean sortFinite(List<Run> runs, List<Ranked> finite) {
    for (Run run : runs) {
      Ranked ranked = ranked(run);
      Object value = ranked.row()[metricIndex];
      if (isFinite(value)) {
        finite.add(ranked);
      } else if (!beforeFinite(value)) {
        tail.add(ranked);
      } else {
        return false;
      }
    }
    finite.sort(rowOrder);
    return true;
  }

  /** Every odd run, or null when W&B's answer breaks the argument (then the reader falls back). */
  private List<Ranked> readOdd(long expected) {
    List<Ranked> odd = new ArrayList<>();
    for (Ranked run : readAll(requests.and(order.presentNotFinite()))) {
      if (isFinite(run.row()[metricIndex])) {
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
    for (Ranked run : readAll(requests.and(order.absent()))) {
      if (run.row()[metricIndex] != null) {
        throw new IllegalStateException(
            "W&B counted run "
                + run.name()
                + " as lacking "
                + order.metric().column()
                + " although it holds a value, after rows were handed over in the order it would"
                + " have changed. Run the query with pushdown=false.");
      }
      tail.add(run);
    }
    absent = 0;
  }

  /** Reads every run of the filter and sorts them here; rows already handed over are skipped. */
  private void fallBack() {
    List<Ranked> all = new ArrayList<>();
    for (Ranked run : readAll(requests.all())) {
      if (!handedOver.contains(run.name())) {
        all.add(run);
      }
    }
    all.sort(rowOrder);
    ready.clear();
    tail.clear();
    ready.addAll(all);
    absent = 0;
    phase = Phase.DONE;
  }

  private List<Ranked> readAll(ObjectNode runsFilter) {
    List<Ranked> all = new ArrayList<>();
    requests.readAll(runsFilter).forEach(run -> all.add(ranked(run)));
    guard.check(); // a stopped listing ends quietly: make sure it was the end
    return all;
  }

  private Ranked ranked(Run run) {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = columns.get(i).value(run, context);
    }
    return new Ranked(run.name(), row);
  }

  private double metric(Ranked run) {
    return ((Number) run.row()[metricIndex]).doubleValue();
  }

  private static boolean isFinite(Object value) {
    return value instanceof Long || value instanceof Double d && Double.isFinite(d);
  }

  /** Whether SQL puts a value that is not a finite number before every finite one. */
  private boolean beforeFinite(Object value) {
    if (value == null) {
      return order.metric().nullsFirst();
    }
    double number = ((Number) value).doubleValue();
    boolean high = Double.isNaN(number) || number > 0;
    return high == order.metric().descending();
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a W&B run scan cannot be rewound");
  }

  @Override
  public void close() {
    guard.close();
    requests.stop();
  }
}
