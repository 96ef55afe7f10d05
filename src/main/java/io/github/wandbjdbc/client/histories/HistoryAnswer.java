package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link HistoryRead} returned: its row lists (one per spec for {@link HistoryRead.Specs},
 * else one) and, for {@link HistoryRead.Events}, how many system-metrics rows W&B holds for the run
 * (null when it does not say). A run that no longer exists answers no rows.
 */
record HistoryAnswer(List<List<ObjectNode>> rowLists, Long eventsLineCount) {
  private static final String STEP = "_step";

  HistoryAnswer {
    rowLists = List.copyOf(rowLists);
  }

  /** The rows of a read that has one list. */
  List<ObjectNode> rows() {
    return rowLists.get(0);
  }

  /**
   * The outer union by {@code _step} of the row lists, which each hold some keys of the same rows
   * (one {@code sampledHistory} spec each), in step order. A row without a numeric {@code _step}
   * cannot be matched up and is dropped; W&B always sends it, as it is a spec key. One list is
   * returned as it is, sorted by step if it was not (system-metric rows have no step).
   */
  List<ObjectNode> mergedByStep() {
    if (rowLists.size() == 1) {
      return inStepOrder(rowLists.get(0));
    }
    Map<Long, ObjectNode> byStep = new TreeMap<>();
    for (List<ObjectNode> rows : rowLists) {
      for (ObjectNode row : rows) {
        JsonNode step = row.get(STEP);
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

  /** {@code rows} in step order: a scan promises it, whatever order W&B sent them in. */
  private static List<ObjectNode> inStepOrder(List<ObjectNode> rows) {
    long previous = Long.MIN_VALUE;
    for (ObjectNode row : rows) {
      JsonNode step = row.get(STEP);
      if (step == null || !step.canConvertToLong()) {
        return rows;
      }
      if (step.asLong() < previous) {
        List<ObjectNode> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(r -> r.get(STEP).asLong()));
        return sorted;
      }
      previous = step.asLong();
    }
    return rows;
  }
}
