package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The columns of one run's export: one root column per history key, named exactly as logged ({@code
 * train/loss}, {@code eval.f1}), in order of first appearance in the rows, typed by {@link
 * ExportColumnType}. {@code _step} (INT64, or DOUBLE when asked), {@code _runtime} and {@code
 * _timestamp} (DOUBLE) are always columns and keep those types whatever was logged; a non-number
 * there is written as null.
 */
record ExportSchema(Map<String, ExportColumnType> columns, MessageType parquet) {
  static final String STEP = "_step";
  private static final List<String> ALWAYS = List.of(STEP, "_runtime", "_timestamp");

  static ExportSchema of(List<ObjectNode> rows, boolean stepAsDouble) {
    Map<String, List<JsonNode>> values = new LinkedHashMap<>();
    for (ObjectNode row : rows) {
      row.fields()
          .forEachRemaining(
              field -> {
                List<JsonNode> keyValues =
                    values.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
                if (!field.getValue().isNull()) {
                  keyValues.add(field.getValue());
                }
              });
    }
    ALWAYS.forEach(key -> values.putIfAbsent(key, List.of()));
    Map<String, ExportColumnType> columns = new LinkedHashMap<>();
    values.forEach((key, keyValues) -> columns.put(key, ExportColumnType.of(keyValues)));
    columns.put(STEP, stepAsDouble ? ExportColumnType.DOUBLE : ExportColumnType.INT64);
    columns.put("_runtime", ExportColumnType.DOUBLE);
    columns.put("_timestamp", ExportColumnType.DOUBLE);
    List<Type> fields = new ArrayList<>();
    columns.forEach((key, type) -> fields.add(type.toParquet(key)));
    return new ExportSchema(columns, new MessageType("history", fields));
  }
}
