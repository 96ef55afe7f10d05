package io.github.wandbjdbc.emulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Parses W&B's {@code order} argument (wandb-api.md §4) into a comparator over runs.
 *
 * <p>Syntax: {@code [+|-]path}, {@code +} (ascending) by default; null or {@code ""} means {@code
 * +created_at}. Paths: {@code created_at}/{@code createdAt}, {@code heartbeat_at}/{@code
 * heartbeatAt}, {@code name}, {@code display_name}/{@code displayName}, {@code state}, {@code
 * config.<key>} or {@code config.<key>.value}, and {@code summary_metrics.<key>} (nested paths
 * allowed). Any other path, bare or dotted, means {@code summary_metrics.<path>}, as the W&B UI
 * helper maps metric names.
 *
 * <p>Values compare in the emulator's {@link ValueOrder}; by default MongoDB's BSON type order:
 * missing = null &lt; numbers &lt; strings &lt; objects &lt; arrays &lt; booleans ({@link
 * BsonValues}), so ascending puts missing and null first and descending puts them last, and NaN
 * sorts below every other number. Timestamps compare as instants whatever the order, a null one (a
 * pending run's heartbeat) first. Unlike MongoDB, an array sorts as a whole (MongoDB sorts by its
 * smallest element ascending, its largest descending). Ties are always broken by {@code createdAt}
 * then {@code name}, both ascending, whatever the direction, so paging over a fixed set of runs is
 * deterministic.
 */
public final class RunOrdering {
  private static final Pattern WELL_FORMED = Pattern.compile("[+-]?[^+\\-\\s][^\\s]*");
  private static final Comparator<EmulatedRun> TIE_BREAK =
      Comparator.comparing(EmulatedRun::createdAt).thenComparing(EmulatedRun::name);

  private RunOrdering() {}

  public static Comparator<EmulatedRun> parse(String order, ValueOrder values) {
    if (order == null || order.isEmpty()) {
      return byPath("created_at", false, values);
    }
    if (!WELL_FORMED.matcher(order).matches()) {
      throw new IllegalArgumentException(
          "order '"
              + order
              + "' is malformed: expected [+|-]path, e.g. -created_at or +summary_metrics.loss");
    }
    boolean descending = order.charAt(0) == '-';
    String path = order.charAt(0) == '+' || descending ? order.substring(1) : order;
    return byPath(path, descending, values);
  }

  private static Comparator<EmulatedRun> byPath(
      String path, boolean descending, ValueOrder values) {
    Comparator<EmulatedRun> key = keyComparator(RunFieldPath.forOrder(path), values);
    return (descending ? key.reversed() : key).thenComparing(TIE_BREAK);
  }

  private static Comparator<EmulatedRun> keyComparator(RunFieldPath path, ValueOrder values) {
    if (path.isTimestamp()) {
      Comparator<Instant> instants = Comparator.nullsFirst(Comparator.naturalOrder());
      return Comparator.comparing(path::instant, instants);
    }
    return (a, b) -> values.compare(path.resolve(a), path.resolve(b));
  }
}
