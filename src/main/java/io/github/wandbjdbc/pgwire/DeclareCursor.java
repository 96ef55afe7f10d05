package io.github.wandbjdbc.pgwire;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code DECLARE name CURSOR FOR query}: runs the query and keeps its open rows as a cursor. The
 * query's parameters are the statement's, so psycopg 3 can bind {@code $1} in a DECLARE.
 */
final class DeclareCursor implements PlannedStatement {
  private final SessionState state;
  private final String name;
  private final boolean hold;
  private final boolean binary;
  private final StatementPlanner planner;
  private final String query;
  private final List<PgType> parameterTypes;

  /** The planned query until an execution hands it to its cursor, which then closes it. */
  private PlannedStatement unused;

  DeclareCursor(
      SessionState state,
      String name,
      boolean hold,
      boolean binary,
      StatementPlanner planner,
      String query)
      throws SQLException {
    this.state = state;
    this.name = name;
    this.hold = hold;
    this.binary = binary;
    this.planner = planner;
    this.query = query;
    this.unused = planQuery();
    this.parameterTypes = unused.parameterTypes();
  }

  private PlannedStatement planQuery() throws SQLException {
    PlannedStatement planned = planner.plan(query, List.of());
    if (planned == null || planned.columns() == null) {
      if (planned != null) {
        planned.close();
      }
      throw new SQLException("DECLARE CURSOR needs a query that returns rows", "42601");
    }
    return planned;
  }

  @Override
  public List<PgType> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<PgColumn> columns() {
    return null;
  }

  @Override
  public QueryRows execute(List<Object> parameters) throws SQLException {
    state.checkNotAborted();
    if (!hold && state.transactionStatus() != 'T') {
      throw new SQLException("DECLARE CURSOR can only be used in transaction blocks", "25P01");
    }
    if (state.cursors().exists(name)) {
      throw new SQLException("cursor \"" + name + "\" already exists", "42P03");
    }
    PlannedStatement statement = unused != null ? unused : planQuery();
    unused = null;
    QueryRows rows;
    try {
      rows = statement.execute(parameters);
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
    // the rows stay open between FETCHes: a CancelRequest while the session idles must not end them
    PreparedStatement reading = state.running();
    state.running(null);
    Cursor cursor = new Cursor(name, statement, rows, hold, binary, reading);
    try {
      state.cursors().add(cursor);
    } catch (SQLException e) {
      cursor.close();
      throw e;
    }
    return FixedAnswer.command("DECLARE CURSOR", () -> {}).execute(List.of());
  }

  @Override
  public void close() throws SQLException {
    if (unused != null) {
      unused.close();
      unused = null;
    }
  }
}
