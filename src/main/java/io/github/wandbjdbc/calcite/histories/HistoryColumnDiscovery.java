package io.github.wandbjdbc.calcite.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.histories.HistoryColumn.Reading;
import io.github.wandbjdbc.client.Run;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a history table: the fixed ones, then one per key discovered from a sample of
 * runs, then {@code row}. History keys and their types come from each run's {@code historyKeys} (no
 * history is read): a key whose values were all numbers is DOUBLE (NaN and infinities included),
 * all strings VARCHAR, all booleans BOOLEAN, anything else (media, tables, histograms, lists,
 * mixed) VARCHAR holding JSON text. System-metric keys come from the runs' last {@code
 * systemMetrics} snapshot, typed the same way.
 */
final class HistoryColumnDiscovery {
  private static final Set<String> FIXED_KEYS =
      Set.of(HistoryColumn.STEP, HistoryColumn.RUNTIME, HistoryColumn.TIMESTAMP);

  private HistoryColumnDiscovery() {}

  static List<HistoryColumn> discover(HistoryKind kind, List<Run> sample) {
    List<HistoryColumn> columns = new ArrayList<>();
    columns.add(
        new HistoryColumn(
            HistoryColumn.RUN_ID,
            null,
            Reading.RUN_NAME,
            "W&B run name (the id in run URLs), as in runs.run_id"));
    if (kind.hasSteps()) {
      columns.add(
          new HistoryColumn(
              HistoryColumn.STEP, HistoryColumn.STEP, Reading.STEP, "W&B history key _step"));
      columns.add(fixed(HistoryColumn.RUNTIME, Reading.NUMBER, "seconds since the run started"));
      columns.add(fixed(HistoryColumn.TIMESTAMP, Reading.EPOCH_SECONDS, "wall-clock time"));
    } else {
      columns.add(fixed(HistoryColumn.TIMESTAMP, Reading.EPOCH_SECONDS, "wall-clock time"));
      columns.add(fixed(HistoryColumn.RUNTIME, Reading.NUMBER, "seconds since the run started"));
    }
    Map<String, Reading> keys = kind.hasSteps() ? historyKeys(sample) : systemKeys(sample);
    String source = kind.hasSteps() ? "W&B history key " : "W&B system metric ";
    keys.forEach(
        (key, reading) ->
            columns.add(
                new HistoryColumn(
                    key,
                    key,
                    reading,
                    source + key + (reading == Reading.JSON ? ", as JSON text" : ""))));
    columns.add(
        new HistoryColumn(
            HistoryColumn.ROW,
            null,
            Reading.WHOLE_ROW,
            "the whole " + (kind.hasSteps() ? "history" : "system-metrics") + " row as JSON text"));
    return List.copyOf(columns);
  }

  private static HistoryColumn fixed(String key, Reading reading, String what) {
    return new HistoryColumn(key, key, reading, "W&B key " + key + ", " + what);
  }

  /** Keys of {@code historyKeys.keys}, typed by their {@code typeCounts}. */
  private static Map<String, Reading> historyKeys(List<Run> sample) {
    Map<String, Reading> keys = new LinkedHashMap<>();
    for (Run run : sample) {
      JsonNode perKey = run.historyKeys() == null ? null : run.historyKeys().get("keys");
      if (perKey == null || !perKey.isObject()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = perKey.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> key = it.next();
        if (FIXED_KEYS.contains(key.getKey()) || isReserved(key.getKey())) {
          continue;
        }
        for (JsonNode count : key.getValue().path("typeCounts")) {
          keys.merge(
              key.getKey(), reading(count.path("type").asText("")), HistoryColumnDiscovery::join);
        }
      }
    }
    return keys;
  }

  /** Keys of the runs' last system-metrics snapshot, typed by their values. */
  private static Map<String, Reading> systemKeys(List<Run> sample) {
    Map<String, Reading> keys = new LinkedHashMap<>();
    for (Run run : sample) {
      ObjectNode snapshot = run.systemMetrics();
      if (snapshot == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = snapshot.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> key = it.next();
        if (!FIXED_KEYS.contains(key.getKey()) && !isReserved(key.getKey())) {
          keys.merge(key.getKey(), readingOf(key.getValue()), HistoryColumnDiscovery::join);
        }
      }
    }
    return keys;
  }

  /** Names the fixed columns already take (W&B keys are case-sensitive, SQL names may not be). */
  private static boolean isReserved(String key) {
    return key.equalsIgnoreCase(HistoryColumn.RUN_ID) || key.equalsIgnoreCase(HistoryColumn.ROW);
  }

  private static Reading reading(String wandbType) {
    return switch (wandbType) {
      case "number" -> Reading.NUMBER;
      case "string" -> Reading.STRING;
      case "boolean" -> Reading.BOOLEAN;
      default -> Reading.JSON;
    };
  }

  private static Reading readingOf(JsonNode value) {
    if (value.isNumber()) {
      return Reading.NUMBER;
    }
    if (value.isTextual()) {
      return Reading.STRING;
    }
    return value.isBoolean() ? Reading.BOOLEAN : Reading.JSON;
  }

  private static Reading join(Reading a, Reading b) {
    return a == b ? a : Reading.JSON;
  }
}
