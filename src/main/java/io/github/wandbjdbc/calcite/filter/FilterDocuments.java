package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** Builds W&B filter documents (MongoDB-style, wandb-api.md §3) from Jackson nodes. */
public final class FilterDocuments {
  public static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The filter key of a run's id (its name). */
  static final String RUN_ID_KEY = "name";

  private FilterDocuments() {}

  /** {@code {key: {operator: operand}}}. */
  static ObjectNode operator(String key, String operator, JsonNode operand) {
    ObjectNode condition = JSON.objectNode();
    condition.set(operator, operand);
    ObjectNode document = JSON.objectNode();
    document.set(key, condition);
    return document;
  }

  /** {@code {name: {$in: ids}}}: the runs with these ids (run names). */
  public static ObjectNode runIdsIn(Collection<String> ids) {
    ArrayNode values = JSON.arrayNode();
    ids.forEach(values::add);
    return operator(RUN_ID_KEY, "$in", values);
  }

  /**
   * A condition no value satisfies, for a comparison with SQL NULL: {@code $eq} and {@code $ne} of
   * the same operand contradict each other under any reading of null and missing, and unlike an
   * empty {@code $in} they cannot trip a backend that rejects empty lists.
   */
  static ObjectNode matchesNothing() {
    ObjectNode condition = JSON.objectNode();
    condition.putNull("$eq");
    condition.putNull("$ne");
    return condition;
  }
}
