package io.github.wandbjdbc.mcp;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A result set read into JSON-ready values, at most {@code maxRows} rows: numbers and booleans as
 * JSON numbers and booleans, NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity" (JSON
 * has no such numbers), everything else (timestamps, JSON text) as the driver's string.
 */
record ResultRows(List<Map<String, Object>> columns, List<List<Object>> rows, boolean truncated) {

  /** Reads up to maxRows rows; truncated when one more row was there. */
  static ResultRows read(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    List<Map<String, Object>> columns = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", meta.getColumnLabel(i));
      column.put("type", meta.getColumnTypeName(i));
      columns.add(column);
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        row.add(value(rs, i, meta.getColumnType(i)));
      }
      rows.add(row);
    }
    return new ResultRows(columns, rows, truncated);
  }

  private static Object value(ResultSet rs, int column, int type) throws SQLException {
    Object value =
        switch (type) {
          case Types.BOOLEAN, Types.BIT -> rs.getBoolean(column);
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(column);
          case Types.DOUBLE, Types.FLOAT, Types.REAL -> number(rs.getDouble(column));
          case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(column);
          default -> rs.getString(column);
        };
    return rs.wasNull() ? null : value;
  }

  private static Object number(double value) {
    return Double.isFinite(value) ? (Object) value : String.valueOf(value);
  }

  /** Tab-separated, a header row first; tabs and line breaks inside values become spaces. */
  String text() {
    StringBuilder text = new StringBuilder();
    text.append(
        columns.stream().map(c -> (String) c.get("name")).collect(Collectors.joining("\t")));
    for (List<Object> row : rows) {
      text.append('\n');
      text.append(
          row.stream()
              .map(v -> v == null ? "NULL" : v.toString().replaceAll("[\\t\\r\\n]+", " "))
              .collect(Collectors.joining("\t")));
    }
    return text.toString();
  }
}
