package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code list_tables} and {@code describe_table}, from the driver's DatabaseMetaData. */
final class CatalogTools {
  private CatalogTools() {}

  static CallToolResult listTables(ToolCall call, ToolArguments arguments) throws SQLException {
    Map<String, List<Map<String, Object>>> bySchema = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    try (ResultSet rs = call.connection().getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", rs.getString("TABLE_NAME"));
        table.put("remarks", rs.getString("REMARKS"));
        bySchema.computeIfAbsent(schema, s -> new ArrayList<>()).add(table);
        text.append(schema).append('.').append(table.get("name"));
        text.append(table.get("remarks") == null ? "" : ": " + table.get("remarks")).append('\n');
      }
    }
    List<Map<String, Object>> schemas = new ArrayList<>();
    bySchema.forEach((schema, tables) -> schemas.add(Map.of("schema", schema, "tables", tables)));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("defaultSchema", call.connection().getSchema());
    result.put("schemas", schemas);
    String header = "Schemas are W&B projects; the default one is " + result.get("defaultSchema");
    return ToolResults.success(header + ".\n" + text.toString().strip(), result);
  }

  static CallToolResult describeTable(ToolCall call, ToolArguments arguments) throws SQLException {
    String table = arguments.text("table");
    String schema = arguments.optionalText("schema");
    if (schema == null) {
      schema = call.connection().getSchema();
    }
    List<Map<String, Object>> columns = columns(call.connection().getMetaData(), schema, table);
    if (columns.isEmpty()) {
      return ToolResults.failure(
          "42S02",
          "no table " + schema + "." + table + "; list_tables lists the projects and tables");
    }
    DiscoveredSamples.add(call, schema, table, columns);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("schema", schema);
    result.put("table", table);
    result.put("columns", columns);
    StringBuilder text = new StringBuilder(schema + "." + table + ":");
    for (Map<String, Object> column : columns) {
      text.append("\n\"").append(column.get("name")).append("\" ").append(column.get("type"));
      text.append(Boolean.FALSE.equals(column.get("nullable")) ? " NOT NULL" : "");
      text.append(column.get("remarks") == null ? "" : " -- " + column.get("remarks"));
      text.append(column.containsKey("sample") ? " (e.g. " + column.get("sample") + ")" : "");
    }
    return ToolResults.success(text.toString(), result);
  }

  private static List<Map<String, Object>> columns(
      DatabaseMetaData meta, String schema, String table) throws SQLException {
    List<Map<String, Object>> columns = new ArrayList<>();
    String escape = meta.getSearchStringEscape();
    try (ResultSet rs =
        meta.getColumns(null, pattern(schema, escape), pattern(table, escape), "%")) {
      while (rs.next()) {
        if (!schema.equals(rs.getString("TABLE_SCHEM"))
            || !table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", rs.getString("COLUMN_NAME"));
        column.put("type", rs.getString("TYPE_NAME"));
        column.put("nullable", !"NO".equals(rs.getString("IS_NULLABLE")));
        column.put("remarks", rs.getString("REMARKS"));
        columns.add(column);
      }
    }
    return columns;
  }

  /** A LIKE pattern that matches {@code name} only (its _ and % escaped). */
  private static String pattern(String name, String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
