package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.List;

/**
 * Decides who answers a statement: the session (SET, SHOW, BEGIN, session functions), cursors
 * (DECLARE, FETCH, MOVE, CLOSE), or the driver, whose PostgreSQL dialect also holds pg_catalog and
 * information_schema.
 */
final class StatementPlanner {
  private final SessionState state;
  private final SessionCommands session;
  private final CursorCommands cursors;

  StatementPlanner(SessionState state) {
    this.state = state;
    this.session = new SessionCommands(state);
    this.cursors = new CursorCommands(state, this);
  }

  /** The plan for one statement; null for an empty one (EmptyQueryResponse). */
  PlannedStatement plan(String sql, List<PgType> declared) throws SQLException {
    String statement = PgSqlText.trim(sql);
    if (statement.isEmpty()) {
      return null;
    }
    PlannedStatement answer = session.plan(statement);
    if (answer != null) {
      state.log().planned(statement, "session");
      return answer;
    }
    PlannedStatement cursor = cursors.plan(statement);
    if (cursor != null) {
      state.log().planned(statement, "cursor");
      return cursor;
    }
    state.log().planned(statement, "driver");
    if (state.transactionStatus() == 'E') {
      throw new SQLException(
          "current transaction is aborted, commands ignored until end of transaction block",
          "25P02");
    }
    return new DriverStatement(state.connection(), statement, declared, state::running);
  }
}
