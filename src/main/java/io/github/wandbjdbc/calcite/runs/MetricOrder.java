package io.github.wandbjdbc.calcite.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.filter.FilterDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An ORDER BY whose first key is a discovered numeric column (a config or summary key), as a runs
 * scan evaluates it: {@link MetricOrderReader} hands the rows over in this order, lazily, so the
 * LIMIT above stops reading. W&B's {@code order} is only a hint; what the reader trusts are the
 * filters below, which compare finite numbers with finite numbers.
 *
 * @param keys the whole ORDER BY, by the scan's column names; the first is the metric
 * @param filterKey the metric's W&B filter key
 * @param orderPath the metric's path in W&B's {@code order} argument
 * @param goal the rows wanted first (OFFSET plus FETCH), which size the first request
 */
record MetricOrder(List<SortKey> keys, String filterKey, String orderPath, long goal) {
  /** The finite range: no finite double lies outside it, and no NaN or infinity inside. */
  private static final double MAX = Double.MAX_VALUE;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One key of the ORDER BY, as Calcite's sort reads it. */
  record SortKey(String column, boolean descending, boolean nullsFirst) {
    SortKey {
      Objects.requireNonNull(column, "column is null");
    }

    @Override
    public String toString() {
      return column
          + (descending ? " DESC" : " ASC")
          + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  MetricOrder {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("an ORDER BY has at least one key");
    }
    Objects.requireNonNull(filterKey, "filterKey is null");
    Objects.requireNonNull(orderPath, "orderPath is null");
  }

  SortKey metric() {
    return keys.get(0);
  }

  /** The order W&B is asked for: the metric's direction, as a hint the reader never trusts. */
  String hint() {
    return (metric().descending() ? "-" : "+") + orderPath;
  }

  /**
   * Rows of {@code columns} in this order, as Calcite's sort compares them: each key by its natural
   * order ({@link Comparable#compareTo}; for doubles NaN above +Infinity, -0.0 below 0.0), nulls
   * where the key says.
   */
  Comparator<Object[]> rowOrder(List<String> columns) {
    Comparator<Object[]> order = null;
    for (SortKey key : keys) {
      int index = columns.indexOf(key.column());
      if (index < 0) {
        throw new IllegalStateException("ORDER BY column " + key.column() + " is not scanned");
      }
      Comparator<Object[]> next = Comparator.comparing(row -> value(row, index), valueOrder(key));
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // column values are Comparable of their own type
  private static Comparator<Object> valueOrder(SortKey key) {
    Comparator<Object> natural = (a, b) -> ((Comparable) a).compareTo(b);
    Comparator<Object> directed = key.descending() ? natural.reversed() : natural;
    return key.nullsFirst() ? Comparator.nullsFirst(directed) : Comparator.nullsLast(directed);
  }

  private static Object value(Object[] row, int index) {
    return row[index];
  }

  /** Runs whose metric is a finite number, by W&B's comparisons. */
  ObjectNode finite() {
    return range(-MAX, true, MAX, true);
  }

  /** Runs without the metric's key. */
  ObjectNode absent() {
    return FilterDocuments.operator(filterKey, "$exists", JSON.booleanNode(false));
  }

  /** Runs holding the key with a value that is not a finite number: null, NaN, a string... */
  ObjectNode presentNotFinite() {
    ObjectNode document = JSON.objectNode();
    document.putArray("$nor").add(finite());
    document.setAll(FilterDocuments.operator(filterKey, "$exists", JSON.booleanNode(true)));
    return document;
  }

  /** Finite values that come no later than {@code t} in this order. */
  ObjectNode atOrBefore(double t) {
    return metric().descending() ? range(t, true, MAX, true) : range(-MAX, true, t, true);
  }

  /** Finite values that come no later than {@code t} and after {@code bound}. */
  ObjectNode atOrBeforeAndAfter(double t, double bound) {
    return metric().descending() ? range(t, true, bound, false) : range(bound, false, t, true);
  }

  /** Finite values that come after {@code bound}. */
  ObjectNode after(double bound) {
    return metric().descending() ? range(-MAX, true, bound, false) : range(bound, false, MAX, true);
  }

  /** Whether finite {@code value} comes no later than {@code t}, compared as W&B compares. */
  boolean atOrBefore(double value, double t) {
    return metric().descending() ? value >= t : value <= t;
  }

  private ObjectNode range(
      double lower, boolean lowerIncluded, double upper, boolean upperIncluded) {
    ObjectNode condition = JSON.objectNode();
    condition.put(lowerIncluded ? "$gte" : "$gt", lower);
    condition.put(upperIncluded ? "$lte" : "$lt", upper);
    ObjectNode document = JSON.objectNode();
    document.set(filterKey, condition);
    return document;
  }

  /** For EXPLAIN. */
  String describe() {
    List<String> text = new ArrayList<>();
    keys.forEach(k -> text.add(k.toString()));
    return String.join(", ", text)
        + " (order="
        + hint()
        + " as a hint, proven by runCount), first "
        + goal;
  }
}
