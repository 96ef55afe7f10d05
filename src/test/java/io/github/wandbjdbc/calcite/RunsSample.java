package io.github.wandbjdbc.calcite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The columns of one project's {@code runs} table and the distinct values each holds, read once
 * through a connection, so that generated predicates compare with values that really occur.
 */
final class RunsSample {
  /** How a column's values are compared and written in SQL. */
  enum Kind {
    TEXT,
    INTEGER,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP;

    static Kind of(int jdbcType, String column) {
      return switch (jdbcType) {
        case Types.VARCHAR, Types.CHAR -> TEXT;
        case Types.BIGINT -> INTEGER;
        case Types.DOUBLE -> DOUBLE;
        case Types.BOOLEAN -> BOOLEAN;
        case Types.TIMESTAMP -> TIMESTAMP;
        default -> throw new IllegalStateException("unexpected type " + jdbcType + " of " + column);
      };
    }
  }

  /**
   * @param values distinct non-null values: String, Long, Double, Boolean, or LocalDateTime (the
   *     wall-clock time SQL sees) for a TIMESTAMP
   */
  record Column(String name, Kind kind, List<Object> values) {
    Column {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(kind, "kind is null");
      values = List.copyOf(values);
    }

    /**
     * Whether the column holds NaN or an infinity, which some of Calcite's own operators cannot
     * handle (they convert numbers to BigDecimal: long IN lists), with or without pushdown.
     */
    boolean hasNonFinite() {
      return values.stream().anyMatch(v -> v instanceof Double d && !Double.isFinite(d));
    }
  }

  private final List<Column> columns;

  private RunsSample(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  static RunsSample read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM runs")) {
      ResultSetMetaData meta = rows.getMetaData();
      int count = meta.getColumnCount();
      List<Kind> kinds = new ArrayList<>(count);
      List<Set<Object>> values = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        kinds.add(Kind.of(meta.getColumnType(i), meta.getColumnName(i)));
        values.add(new LinkedHashSet<>());
      }
      while (rows.next()) {
        for (int i = 1; i <= count; i++) {
          Object value =
              kinds.get(i - 1) == Kind.TIMESTAMP ? timestamp(rows.getString(i)) : rows.getObject(i);
          if (value != null) {
            values.get(i - 1).add(value);
          }
        }
      }
      List<Column> columns = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        columns.add(
            new Column(
                meta.getColumnName(i), kinds.get(i - 1), new ArrayList<>(values.get(i - 1))));
      }
      return new RunsSample(columns);
    }
  }

  private static LocalDateTime timestamp(String text) {
    return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
  }

  List<Column> columns() {
    return columns;
  }

  Column column(String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no column " + name));
  }

  List<Column> columns(Kind kind) {
    return columns.stream().filter(c -> c.kind() == kind).toList();
  }
}
