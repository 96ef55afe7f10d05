package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value order itself; NonFiniteOrderTest shows it through SQL. */
class ColumnValueOrderTest {
  private static final List<Object> SHUFFLED =
      Arrays.asList(
          1.5,
          Double.NaN,
          null,
          Double.NEGATIVE_INFINITY,
          0.0,
          Double.POSITIVE_INFINITY,
          -0.0,
          Double.MAX_VALUE,
          -Double.MAX_VALUE);

  @Test
  void doublesInPostgresOrderWithNullsWhereAsked() {
    assertEquals(
        Arrays.asList(
            Double.NEGATIVE_INFINITY,
            -Double.MAX_VALUE,
            -0.0,
            0.0,
            1.5,
            Double.MAX_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NaN,
            null),
        sorted(false, false));
    assertEquals(
        Arrays.asList(
            null,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.MAX_VALUE,
            1.5,
            0.0,
            -0.0,
            -Double.MAX_VALUE,
            Double.NEGATIVE_INFINITY),
        sorted(true, true));
  }

  @Test
  void otherValuesInTheirNaturalOrder() {
    List<Object> texts = new ArrayList<>(Arrays.asList("b", null, "a"));
    texts.sort(ColumnValueOrder.comparator(true, false));
    assertEquals(Arrays.asList("b", "a", null), texts);
    List<Object> reals = new ArrayList<>(Arrays.asList(Float.NaN, 1f, Float.NEGATIVE_INFINITY));
    reals.sort(ColumnValueOrder.comparator(false, false));
    assertEquals(List.of(Float.NEGATIVE_INFINITY, 1f, Float.NaN), reals);
  }

  private static List<Object> sorted(boolean descending, boolean nullsFirst) {
    List<Object> values = new ArrayList<>(SHUFFLED);
    values.sort(ColumnValueOrder.comparator(descending, nullsFirst));
    return values;
  }
}
