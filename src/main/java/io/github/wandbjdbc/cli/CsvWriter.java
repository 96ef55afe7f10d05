package io.github.wandbjdbc.cli;

import io.github.wandbjdbc.calcite.JsonText;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break. Doubles
 * are written as the JSON columns write them (Python's repr: the shortest digits that read back
 * exactly, positional from 1e-4 to 1e16), not in Java's notation ({@code 1.777960619244E9}).
 */
final class CsvWriter {
  private CsvWriter() {}

  static void write(ResultSet rs, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int columns = meta.getColumnCount();
    StringBuilder line = new StringBuilder();
    int[] types = new int[columns + 1];
    for (int i = 1; i <= columns; i++) {
      types[i] = meta.getColumnType(i);
      appendField(line, i, meta.getColumnLabel(i));
    }
    out.println(line);
    while (rs.next()) {
      line.setLength(0);
      for (int i = 1; i <= columns; i++) {
        appendField(line, i, text(rs, i, types[i]));
      }
      out.println(line);
    }
    out.flush();
  }

  private static String text(ResultSet rs, int column, int type) throws SQLException {
    if (type != Types.DOUBLE && type != Types.FLOAT) {
      return rs.getString(column);
    }
    double value = rs.getDouble(column);
    if (rs.wasNull()) {
      return null;
    }
    return Double.isFinite(value) ? JsonText.pythonRepr(value) : Double.toString(value);
  }

  private static void appendField(StringBuilder line, int column, String value) {
    if (column > 1) {
      line.append(',');
    }
    if (value == null) {
      return;
    }
    if (value.indexOf(',') >= 0
        || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0) {
      line.append('"').append(value.replace("\"", "\"\"")).append('"');
    } else {
      line.append(value);
    }
  }
}
