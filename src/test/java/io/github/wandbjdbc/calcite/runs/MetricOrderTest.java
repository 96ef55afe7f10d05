package io.github.wandbjdbc.calcite.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order rows are handed over in, and the filters that prove it. */
class MetricOrderTest {
  private static final List<String> COLUMNS = List.of("run_id", "summary.acc");

  private static MetricOrder order(boolean descending, boolean nullsFirst) {
    return new MetricOrder(
        List.of(
            new MetricOrder.SortKey("summary.acc", descending, nullsFirst),
            new MetricOrder.SortKey("run_id", false, false)),
        "summary_metrics.acc",
        "summary_metrics.acc",
        10);
  }

  private static List<String> sorted(MetricOrder order, Object[]... rows) {
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
    assertEquals("-summary_metrics.acc", order(true, false).hint());
    assertEquals("+summary_metrics.acc", order(false, true).hint());
  }

  @Test
  void rangesAreBetweenFiniteBoundsOnly() {
    MetricOrder descending = order(true, false);
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gte\":-1.7976931348623157E308,"
            + "\"$lte\":1.7976931348623157E308}}",
        descending.finite().toString());
    assertEquals(
        "{\"$nor\":[" + descending.finite() + "],\"summary_metrics.acc\":{\"$exists\":true}}",
        descending.presentNotFinite().toString());
    assertEquals("{\"summary_metrics.acc\":{\"$exists\":false}}", descending.absent().toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gte\":0.5,\"$lte\":1.7976931348623157E308}}",
        descending.atOrBefore(0.5).toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gte\":-1.7976931348623157E308,\"$lt\":0.5}}",
        descending.after(0.5).toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gte\":0.25,\"$lt\":0.5}}",
        descending.atOrBeforeAndAfter(0.25, 0.5).toString());
    MetricOrder ascending = order(false, false);
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gt\":0.5,\"$lte\":1.7976931348623157E308}}",
        ascending.after(0.5).toString());
  }

  @Test
  void valuesAreComparedAsWandbComparesNumbers() {
    MetricOrder descending = order(true, false);
    assertTrue(descending.atOrBefore(0.5, 0.5));
    assertTrue(descending.atOrBefore(-0.0, 0.0), "-0.0 equals 0.0 to W&B");
    assertFalse(descending.atOrBefore(0.25, 0.5));
    assertTrue(order(false, false).atOrBefore(0.25, 0.5));
  }
}
