package io.github.wandbjdbc.client.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.Map;

/**
 * The W&B filters a {@link MetricOrderReader} proves its pages with, each under the listing's own
 * filter. Its ranges lie between finite bounds, so that they compare finite numbers with finite
 * numbers only: the one comparison the reader trusts W&B with.
 *
 * @param query the listing's filter ({@code {}} for every run)
 * @param key the metric's filter key
 * @param descending whether greater numbers come first
 */
record MetricFilters(ObjectNode query, String key, boolean descending) {
  /** No finite double lies outside this range, and no NaN or infinity inside. */
  private static final double MAX = Double.MAX_VALUE;

  /** Every run of the listing. */
  ObjectNode all() {
    return query;
  }

  /** Runs whose metric is a finite number. */
  ObjectNode finite() {
    return and(range(-MAX, true, MAX, true));
  }

  /** Runs without the metric's key. */
  ObjectNode absent() {
    return and(exists(false));
  }

  /** Runs holding the key with a value that is not a finite number: null, NaN, a string... */
  ObjectNode presentNotFinite() {
    ObjectNode condition = exists(true);
    condition.putArray("$nor").add(range(-MAX, true, MAX, true));
    return and(condition);
  }

  /** Finite values that come no later than {@code t}. */
  ObjectNode atOrBefore(double t) {
    return and(descending ? range(t, true, MAX, true) : range(-MAX, true, t, true));
  }

  /** Finite values that come no later than {@code t} and after {@code bound}. */
  ObjectNode atOrBeforeAndAfter(double t, double bound) {
    return and(descending ? range(t, true, bound, false) : range(bound, false, t, true));
  }

  /** Finite values that come after {@code bound}. */
  ObjectNode after(double bound) {
    return and(descending ? range(-MAX, true, bound, false) : range(bound, false, MAX, true));
  }

  /** Whether finite {@code value} comes no later than {@code t}, compared as W&B compares. */
  boolean atOrBefore(double value, double t) {
    return descending ? value >= t : value <= t;
  }

  private ObjectNode range(
      double lower, boolean lowerIncluded, double upper, boolean upperIncluded) {
    ObjectNode bounds = WandbJson.MAPPER.createObjectNode();
    bounds.put(lowerIncluded ? "$gte" : "$gt", lower);
    bounds.put(upperIncluded ? "$lte" : "$lt", upper);
    ObjectNode condition = WandbJson.MAPPER.createObjectNode();
    condition.set(key, bounds);
    return condition;
  }

  private ObjectNode exists(boolean present) {
    ObjectNode condition = WandbJson.MAPPER.createObjectNode();
    condition.set(key, WandbJson.MAPPER.createObjectNode().put("$exists", present));
    return condition;
  }

  /**
   * The listing's filter and {@code condition}: one object while their keys differ (the keys of a
   * filter object are a conjunction), else {@code $and}.
   */
  private ObjectNode and(ObjectNode condition) {
    for (Map.Entry<String, JsonNode> entry : condition.properties()) {
      if (query.has(entry.getKey())) {
        ObjectNode both = WandbJson.MAPPER.createObjectNode();
        both.putArray("$and").add(query).add(condition);
        return both;
      }
    }
    ObjectNode merged = WandbJson.MAPPER.createObjectNode();
    merged.setAll(query);
    merged.setAll(condition);
    return merged;
  }
}
