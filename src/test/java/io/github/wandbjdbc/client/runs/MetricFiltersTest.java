package io.github.wandbjdbc.client.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import org.junit.jupiter.api.Test;

/** The filters that prove a metric order's pages. */
class MetricFiltersTest {
  private static final String MAX = "1.7976931348623157E308";

  private static MetricFilters filters(String query, boolean descending) throws Exception {
    return new MetricFilters(
        (ObjectNode) WandbJson.MAPPER.readTree(query), "summary_metrics.acc", descending);
  }

  @Test
  void rangesAreBetweenFiniteBoundsOnly() throws Exception {
    MetricFilters descending = filters("{}", true);
    String finite = "{\"summary_metrics.acc\":{\"$gte\":-" + MAX + ",\"$lte\":" + MAX + "}}";
    assertEquals(finite, descending.finite().toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$exists\":true},\"$nor\":[" + finite + "]}",
        descending.presentNotFinite().toString());
    assertEquals("{\"summary_metrics.acc\":{\"$exists\":false}}", descending.absent().toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gte\":0.5,\"$lte\":" + MAX + "}}",
        descending.atOrBefore(0.5).toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gte\":-" + MAX + ",\"$lt\":0.5}}",
        descending.after(0.5).toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gte\":0.25,\"$lt\":0.5}}",
        descending.atOrBeforeAndAfter(0.25, 0.5).toString());
    assertEquals(
        "{\"summary_metrics.acc\":{\"$gt\":0.5,\"$lte\":" + MAX + "}}",
        filters("{}", false).after(0.5).toString());
  }

  @Test
  void theListingsFilterStaysAndIsNotChanged() throws Exception {
    MetricFilters merged = filters("{\"state\":\"finished\"}", true);
    assertEquals(
        "{\"state\":\"finished\",\"summary_metrics.acc\":{\"$exists\":false}}",
        merged.absent().toString());
    assertEquals("{\"state\":\"finished\"}", merged.all().toString());
    MetricFilters sameKey = filters("{\"summary_metrics.acc\":{\"$gt\":0.9}}", true);
    assertEquals(
        "{\"$and\":[{\"summary_metrics.acc\":{\"$gt\":0.9}},"
            + "{\"summary_metrics.acc\":{\"$exists\":false}}]}",
        sameKey.absent().toString());
    assertEquals("{\"summary_metrics.acc\":{\"$gt\":0.9}}", sameKey.all().toString());
  }

  @Test
  void valuesAreComparedAsWandbComparesNumbers() throws Exception {
    MetricFilters descending = filters("{}", true);
    assertTrue(descending.atOrBefore(0.5, 0.5));
    assertTrue(descending.atOrBefore(-0.0, 0.0), "-0.0 equals 0.0 to W&B");
    assertFalse(descending.atOrBefore(0.25, 0.5));
    assertTrue(filters("{}", false).atOrBefore(0.25, 0.5));
  }
}
