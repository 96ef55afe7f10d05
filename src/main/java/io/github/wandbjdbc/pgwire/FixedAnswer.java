package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A statement the endpoint answers itself (SET, SHOW, BEGIN, catalog queries): fixed columns, and
 * rows computed when it runs.
 */
final class FixedAnswer implements PlannedStatement {
  /** Computes the rows; may change session state (SET) or ask the driver's metadata. */
  @FunctionalInterface
  interface RowSource {
    List<List<Object>> rows(List<Object> parameters) throws SQLException;
  }

  private final List<PgColumn> columns;
  private final List<PgType> parameterTypes;
  private final RowSource source;
  private final String tag;
  private final boolean returnsRows;

  /** A query: a RowDescription (possibly of no columns), rows, and {@code tag n}. */
  FixedAnswer(List<PgColumn> columns, List<PgType> parameterTypes, RowSource source, String tag) {
    this(columns, parameterTypes, source, tag, true);
  }

  private FixedAnswer(
      List<PgColumn> columns,
      List<PgType> parameterTypes,
      RowSource source,
      String tag,
      boolean returnsRows) {
    this.returnsRows = returnsRows;
    this.columns = List.copyOf(columns);
    this.parameterTypes = List.copyOf(parameterTypes);
    this.source = Objects.requireNonNull(source);
    this.tag = Objects.requireNonNull(tag);
  }

  /** A command: no rows, only a tag such as {@code SET}, after {@code effect} ran. */
  static FixedAnswer command(String tag, Runnable effect) {
    return new FixedAnswer(
        List.of(),
        List.of(),
        p -> {
          effect.run();
          return List.of();
        },
        tag,
        false);
  }

  /** A query whose rows are known now. */
  static FixedAnswer rows(List<PgColumn> columns, List<List<Object>> rows) {
    return new FixedAnswer(columns, List.of(), p -> rows, "SELECT");
  }

  /** The columns, empty for a command. */
  List<PgColumn> columnsOrEmpty() {
    return columns;
  }

  /** The rows it answers with {@code parameters}. */
  List<List<Object>> rows(List<Object> parameters) throws SQLException {
    return source.rows(parameters);
  }

  @Override
  public List<PgType> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<PgColumn> columns() {
    return returnsRows ? columns : null;
  }

  @Override
  public QueryRows execute(List<Object> parameters) throws SQLException {
    Iterator<List<Object>> rows = source.rows(parameters).iterator();
    return new QueryRows() {
      private List<Object> current;

      @Override
      public List<PgColumn> columns() {
        return columns;
      }

      @Override
      public boolean next() {
        current = rows.hasNext() ? rows.next() : null;
        return current != null;
      }

      @Override
      public Object value(int index) {
        return current.get(index);
      }

      @Override
      public boolean returnsRows() {
        return returnsRows;
      }

      @Override
      public String tag(long count) {
        // PostgreSQL's SHOW completes as "SHOW", without a row count
        return returnsRows && !tag.equals("SHOW") ? tag + " " + count : tag;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
