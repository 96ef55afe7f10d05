package io.github.wandbjdbc.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break. */
final class CsvWriter {
  private CsvWriter() {}

  static void write(ResultSet rs, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int columns = meta.getColumnCount();
    StringBuilder line = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      appendField(line, i, meta.getColumnLabel(i));
    }
    out.println(line);
    while (rs.next()) {
      line.setLength(0);
      for (int i = 1; i <= columns; i++) {
        appendField(line, i, rs.getString(i));
      }
      out.println(line);
    }
    out.flush();
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
