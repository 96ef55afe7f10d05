package io.github.wandbjdbc.calcite.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small operations on W&B history rows (JSON objects holding {@code _step} and logged keys). */
final class HistoryRows {
  private HistoryRows() {}

  /**
   * The value of {@code key}: the field of that name, or, for a dotted key W&B reports for a logged
   * dict ({@code "dict.val1"}), the nested field.
   */
  static JsonNode at(ObjectNode row, String key) {
    JsonNode direct = row.get(key);
    if (direct != null || key.indexOf('.') < 0) {
      return direct;
    }
    JsonNode node = row;
    for (String segment : key.split("\\.", -1)) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(segment);
    }
    return node;
  }

  /**
   * The outer union by {@code _step} of row lists that each hold some keys of the same rows (one
   * {@code sampledHistory} spec each), in step order. A row without a numeric {@code _step} cannot
   * be matched up and is dropped; W&B always sends it, as it is a spec key.
   */
  static List<ObjectNode> mergeByStep(List<List<ObjectNode>> lists) {
    if (lists.size() == 1) {
      return lists.get(0);
    }
    Map<Long, ObjectNode> byStep = new TreeMap<>();
    for (List<ObjectNode> rows : lists) {
      for (ObjectNode row : rows) {
        JsonNode step = row.get(HistoryColumn.STEP);
        if (step != null && step.canConvertToLong()) {
          ObjectNode merged = byStep.get(step.asLong());
          if (merged == null) {
            byStep.put(step.asLong(), row);
          } else {
            merged.setAll(row);
          }
        }
      }
    }
    return new ArrayList<>(byStep.values());
  }
}
