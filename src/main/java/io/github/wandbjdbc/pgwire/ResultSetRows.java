package io.github.wandbjdbc.pgwire;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The rows of a driver ResultSet, read as the client asks for them (the scan stays lazy). */
final class ResultSetRows implements QueryRows {
  private final ResultSet rs;
  private final List<PgColumn> columns;
  private final Runnable onClose;

  ResultSetRows(ResultSet rs, List<PgColumn> columns, Runnable onClose) {
    this.rs = rs;
    this.columns = columns == null ? List.of() : columns;
    this.onClose = onClose;
  }

  @Override
  public List<PgColumn> columns() {
    return columns;
  }

  @Override
  public boolean returnsRows() {
    return true;
  }

  @Override
  public boolean next() throws SQLException {
    return rs.next();
  }

  @Override
  public Object value(int index) throws SQLException {
    return columns.get(index).type().read(rs, index + 1);
  }

  @Override
  public String tag(long rows) {
    return "SELECT " + rows;
  }

  @Override
  public void close() throws SQLException {
    try {
      rs.close();
    } finally {
      onClose.run();
    }
  }
}
