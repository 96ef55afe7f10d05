package io.github.wandbjdbc.calcite;

import java.util.Comparator;
import org.apache.calcite.linq4j.function.Functions;

/**
 * The order of column values: the one local sorts and MIN / MAX use, and that a runs scan reading
 * in a proven metric order must give too. Doubles follow PostgreSQL's float8 order: -Infinity below
 * every number, +Infinity above, and NaN above +Infinity (W&B summaries hold all three). Calcite's
 * own single-key sort turns numbers into BigDecimal and fails on them.
 *
 * <p>-0.0 sorts just before 0.0. PostgreSQL holds them equal, so its ORDER BY may place them either
 * way; keeping them apart agrees with Calcite's GROUP BY and DISTINCT, which (by Java's {@code
 * Double.equals}) keep them apart too, as they group NaN with NaN. MIN of the two is -0.0.
 */
public final class ColumnValueOrder {
  /** Calcite's order, for values this class leaves to it (arrays, maps, numbers of mixed types). */
  private static final Comparator<Object> CALCITE = calciteOrder();

  private ColumnValueOrder() {}

  /**
   * Values of one column, possibly null, in ascending or descending order; nulls first or last
   * whatever the direction, as SQL's NULLS FIRST / NULLS LAST say.
   */
  public static Comparator<Object> comparator(boolean descending, boolean nullsFirst) {
    Comparator<Object> values = ColumnValueOrder::compareValues;
    Comparator<Object> directed = descending ? values.reversed() : values;
    return nullsFirst ? Comparator.nullsFirst(directed) : Comparator.nullsLast(directed);
  }

  /** The double order: -Infinity, the numbers (-0.0 before 0.0), +Infinity, NaN. */
  public static int compareDoubles(double a, double b) {
    return Double.compare(a, b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // a column's values are Comparable to each other
  private static int compareValues(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return compareDoubles(x, y);
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable) {
      return ((Comparable) a).compareTo(b); // REAL's Float.compareTo is the same order
    }
    return CALCITE.compare(a, b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // Calcite types it for Comparable values only
  private static Comparator<Object> calciteOrder() {
    Comparator calcite = Functions.nullsComparator(false, false);
    return calcite;
  }
}
