package io.github.wandbjdbc.calcite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a query gave on one connection: its rows, each value written as an exact comparison key, or
 * the exception it threw.
 */
record QueryOutcome(List<String> rows, SQLException error) {
  private static final int SHOWN_ROWS = 5;

  static QueryOutcome run(Connection connection, GeneratedQuery query) {
    try {
      if (query.parameters().isEmpty()) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery(query.sql())) {
          return new QueryOutcome(read(rows), null);
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
        for (int i = 0; i < query.parameters().size(); i++) {
          query.parameters().get(i).bind(statement, i + 1);
        }
        try (ResultSet rows = statement.executeQuery()) {
          return new QueryOutcome(read(rows), null);
        }
      }
    } catch (SQLException e) {
      return new QueryOutcome(null, e);
    }
  }

  private static List<String> read(ResultSet rows) throws SQLException {
    int columns = rows.getMetaData().getColumnCount();
    List<String> read = new ArrayList<>();
    while (rows.next()) {
      List<String> row = new ArrayList<>(columns);
      for (int i = 1; i <= columns; i++) {
        row.add(key(rows.getObject(i)));
      }
      read.add(row.toString());
    }
    return read;
  }

  /**
   * A text that two values share exactly when they are the same value: the class, and for a double
   * its bits (so NaN equals NaN, as with Double.compare, and 0.0 differs from -0.0).
   */
  static String key(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Double number) {
      return number + "#" + Long.toHexString(Double.doubleToLongBits(number));
    }
    String simpleName = value.getClass().getSimpleName();
    if (value instanceof String text) {
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return simpleName + ":" + value;
  }

  /** Same rows, in the same order when {@code ordered}, else as multisets. */
  boolean sameRowsAs(QueryOutcome other, boolean ordered) {
    if (error != null || other.error != null) {
      return false;
    }
    if (ordered) {
      return rows.equals(other.rows);
    }
    return rows.stream().sorted().toList().equals(other.rows.stream().sorted().toList());
  }

  String describe() {
    if (error != null) {
      return "error " + error;
    }
    String shown =
        rows.stream().limit(SHOWN_ROWS).collect(Collectors.joining("\n    ", "\n    ", ""));
    return rows.size()
        + " rows"
        + (rows.isEmpty() ? "" : ":" + shown)
        + (rows.size() > SHOWN_ROWS ? "\n    ..." : "");
  }
}
