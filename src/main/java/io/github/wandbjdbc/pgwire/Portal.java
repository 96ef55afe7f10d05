package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.List;

/**
 * A bound statement: its parameter values and result formats, and, once executed, the open rows
 * that a row-limited Execute resumes.
 */
final class Portal implements AutoCloseable {
  final PlannedStatement statement;
  final List<Object> parameters;
  final List<Short> resultFormats;
  QueryRows rows;
  long sent;

  Portal(PlannedStatement statement, List<Object> parameters, List<Short> resultFormats) {
    this.statement = statement;
    this.parameters = parameters;
    this.resultFormats = resultFormats;
  }

  @Override
  public void close() throws SQLException {
    if (rows != null) {
      rows.close();
      rows = null;
    }
  }
}
