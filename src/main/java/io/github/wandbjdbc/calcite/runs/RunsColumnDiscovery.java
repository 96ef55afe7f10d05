package io.github.wandbjdbc.calcite.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Infers typed {@code config.<key>} and {@code summary.<key>} columns from a sample of runs. Nested
 * objects become one column per leaf, keys joined by {@code .}; a media object (one with {@code
 * _type}) and a list are leaves holding JSON text. A key's type is DOUBLE when every sampled value
 * is a number (BIGINT when all are integral), BOOLEAN or VARCHAR when all are booleans or strings,
 * and VARCHAR holding JSON text otherwise. A run whose value does not fit the column reads as NULL
 * there; the whole value stays in the {@code config} / {@code summary} JSON columns. A column is
 * read from its path's top-level key alone, which is all a scan asks W&B for.
 */
final class RunsColumnDiscovery {
  private RunsColumnDiscovery() {}

  static List<RunsColumn> discover(List<Run> sample) {
    List<RunsColumn> columns = new ArrayList<>();
    columns.addAll(columns(sample, Run::config, "config", "config", RunField.CONFIG));
    columns.addAll(
        columns(
            sample, Run::summaryMetrics, "summary", "summary_metrics", RunField.SUMMARY_METRICS));
    return columns;
  }

  private static List<RunsColumn> columns(
      List<Run> sample,
      Function<Run, ObjectNode> source,
      String prefix,
      String filterPrefix,
      RunField heavy) {
    Map<List<String>, ValueKind> kinds = new LinkedHashMap<>();
    for (Run run : sample) {
      ObjectNode object = source.apply(run);
      if (object != null) {
        collect(object, new ArrayList<>(), kinds);
      }
    }
    List<RunsColumn> columns = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Map.Entry<List<String>, ValueKind> entry : kinds.entrySet()) {
      List<String> path = entry.getKey();
      String name = prefix + "." + String.join(".", path);
      if (!names.add(name)) {
        continue; // "a.b" as one key and as a nested path: the first keeps the name
      }
      // A key that itself holds a dot cannot be addressed in a W&B filter (the dot is always a
      // path separator), and its column name could be read either way: never push it. Nor JSON
      // text columns, which SQL compares as text.
      ValueKind kind = entry.getValue();
      boolean addressable =
          kind.filterable() && path.stream().noneMatch(segment -> segment.contains("."));
      String filterKey = addressable ? filterPrefix + "." + String.join(".", path) : null;
      columns.add(
          new RunsColumn(
              name,
              kind.sqlType(),
              true,
              filterKey,
              false,
              heavy,
              path.get(0),
              (run, table) -> kind.read(at(source.apply(run), path)),
              remarks(heavy, path, kind, filterKey)));
    }
    return columns;
  }

  /** E.g. "W&B config key lr, filter key config.lr"; a path with dotted keys shows as a list. */
  private static String remarks(
      RunField field, List<String> path, ValueKind kind, String filterKey) {
    boolean dotted = path.stream().anyMatch(segment -> segment.contains("."));
    String source =
        "W&B "
            + (field == RunField.CONFIG ? "config" : "summaryMetrics")
            + " key "
            + (dotted ? path.toString() : String.join(".", path))
            + (kind == ValueKind.JSON ? ", as JSON text" : "");
    return filterKey == null
        ? source + ", evaluated locally"
        : source + ", filter key " + filterKey;
  }

  private static void collect(
      ObjectNode object, List<String> prefix, Map<List<String>, ValueKind> kinds) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (prefix.isEmpty() && field.getKey().equals("_wandb")) {
        continue; // W&B's own bookkeeping, not a metric
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(field.getKey());
      JsonNode value = field.getValue();
      if (value.isObject() && !value.has("_type") && !value.isEmpty()) {
        collect((ObjectNode) value, path, kinds);
      } else if (!value.isNull()) {
        kinds.merge(List.copyOf(path), ValueKind.of(value), ValueKind::join);
      }
    }
  }

  private static JsonNode at(ObjectNode object, List<String> path) {
    JsonNode node = object;
    for (String segment : path) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(segment);
    }
    return node;
  }
}
