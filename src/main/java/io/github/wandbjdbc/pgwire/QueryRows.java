package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.List;

/** What running a statement yields: rows (none for a command) read one at a time, and a tag. */
interface QueryRows extends AutoCloseable {
  /** The row columns; empty for a command such as SET. */
  List<PgColumn> columns();

  /** False for a command, which sends no RowDescription. */
  boolean returnsRows();

  boolean next() throws SQLException;

  /** Column {@code index} (0-based) of the current row as its {@link PgType}'s Java value. */
  Object value(int index) throws SQLException;

  /** True for a BINARY cursor's rows, which a simple query sends in binary. */
  default boolean binary() {
    return false;
  }

  /** The CommandComplete tag after {@code rows} rows, e.g. {@code SELECT 5} or {@code SET}. */
  String tag(long rows);

  @Override
  void close() throws SQLException;
}
