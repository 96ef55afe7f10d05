package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Builds W&B filter documents (MongoDB-style, wandb-api.md §3) from Jackson nodes. */
public final class FilterDocuments {
  public static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The filter key of a run's id (its name). */
  private static final String RUN_ID_KEY = "name";

  private FilterDocuments() {}

  /** {@code {key: {operator: operand}}}. */
  public static ObjectNode operator(String key, String operator, JsonNode operand) {
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

  /**
   * The conjunction of documents: merged into one object while keys (or, for one key, the operators
   * of two operator objects) do not collide; colliding documents go into {@code $and}. The result
   * shares nodes with the documents (only an operator object it adds to is its own), so none of
   * them may change afterwards.
   */
  public static ObjectNode and(List<ObjectNode> documents) {
    ObjectNode merged = JSON.objectNode();
    List<ObjectNode> colliding = new ArrayList<>();
    for (ObjectNode document : documents) {
      if (mergeable(merged, document)) {
        merge(merged, document);
      } else {
        colliding.add(document);
      }
    }
    if (colliding.isEmpty()) {
      return merged;
    }
    List<ObjectNode> all = new ArrayList<>();
    all.add(merged);
    all.addAll(colliding);
    return logical("$and", all);
  }

  /** An object whose keys are all operators. */
  private static boolean isOperatorObject(JsonNode condition) {
    if (!condition.isObject() || condition.isEmpty()) {
      return false;
    }
    for (Iterator<String> names = condition.fieldNames(); names.hasNext(); ) {
      if (!names.next().startsWith("$")) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode logical(String operator, List<ObjectNode> documents) {
    ArrayNode operands = JSON.arrayNode();
    documents.forEach(operands::add);
    ObjectNode document = JSON.objectNode();
    document.set(operator, operands);
    return document;
  }

  private static boolean mergeable(ObjectNode merged, ObjectNode document) {
    for (Map.Entry<String, JsonNode> entry : document.properties()) {
      JsonNode existing = merged.get(entry.getKey());
      if (existing == null) {
        continue;
      }
      if (!isOperatorObject(existing) || !isOperatorObject(entry.getValue())) {
        return false;
      }
      for (Iterator<String> ops = entry.getValue().fieldNames(); ops.hasNext(); ) {
        if (existing.has(ops.next())) {
          return false;
        }
      }
    }
    return true;
  }

  private static void merge(ObjectNode merged, ObjectNode document) {
    for (Map.Entry<String, JsonNode> entry : document.properties()) {
      JsonNode existing = merged.get(entry.getKey());
      JsonNode value = entry.getValue();
      if (existing != null) {
        ((ObjectNode) existing).setAll((ObjectNode) value);
      } else if (isOperatorObject(value)) {
        // A shallow copy: a later document may add operators to it.
        merged.set(entry.getKey(), JSON.objectNode().setAll((ObjectNode) value));
      } else {
        merged.set(entry.getKey(), value);
      }
    }
  }
}
