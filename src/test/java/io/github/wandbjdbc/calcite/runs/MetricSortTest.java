package io.github.wandbjdbc.calcite.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order rows are handed over in, and the hint W&B is given. */
class MetricSortTest {
  private static final List<String> COLUMNS = List.of("run_id", "summary.acc");

  private static MetricSort order(boolean descending, boolean nullsFirst) {
    return new MetricSort(
        List.of(
            new MetricSort.SortKey("summary.acc", descending, nullsFirst),
            new MetricSort.SortKey("run_id", false, false)),
        "summary_metrics.acc",
        "summary_metrics.acc",
        10);
  }

  private static List<String> sorted(MetricSort order, Object[]... rows) {
    List<Object[]> list = new ArrayList<>(Arrays.asList(rows));
    list.sort(order.rowOrder(COLUMNS));
    return list.stream().map(r -> (String) r[0]).toList();
  }

  private static final Object[][] ROWS = {
    {"a", 0.5},
    {"b", Double.NaN},
    {"c", null},
    {"d", Double.POSITIVE_INFINITY},
    {"e", Double.NEGATIVE_INFINITY},
    {"f", -0.0},
    {"g", 0.0},
    {"h", 0.5},
  };

  @Test
  void descendingPutsNanAboveInfinityAndNullsWhereAsked() {
    assertEquals(List.of("b", "d", "a", "h", "g", "f", "e", "c"), sorted(order(true, false), ROWS));
    assertEquals(List.of("c", "b", "d", "a", "h", "g", "f", "e"), sorted(order(true, true), ROWS));
  }

  @Test
  void ascendingIsTheReverseForValuesAndTiesStillGoByTheNextKey() {
    assertEquals(
        List.of("e", "f", "g", "a", "h", "d", "b", "c"), sorted(order(false, false), ROWS));
  }

  @Test
  void theHintFollowsTheMetricsDirection() {
    assertTrue(order(true, false).describe().contains("(order=-summary_metrics.acc as a hint"));
    assertTrue(order(false, true).describe().contains("(order=+summary_metrics.acc as a hint"));
  }
}
