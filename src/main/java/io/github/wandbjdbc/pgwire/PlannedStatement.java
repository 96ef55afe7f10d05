package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.List;

/** A statement ready to run: what Parse made of a query text, and what Describe tells about it. */
interface PlannedStatement extends AutoCloseable {
  List<PgType> parameterTypes();

  /** The columns of its rows, or null when it returns none (NoData). */
  List<PgColumn> columns() throws SQLException;

  QueryRows execute(List<Object> parameters) throws SQLException;

  @Override
  void close() throws SQLException;
}
