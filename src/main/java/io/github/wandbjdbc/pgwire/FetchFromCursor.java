package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code FETCH n FROM name} and {@code MOVE n FROM name}: the next rows of an open cursor, read
 * from its ResultSet only as far as they go (FETCH sends them, MOVE skips them).
 */
final class FetchFromCursor implements PlannedStatement {
  private final SessionState state;
  private final String name;
  private final long count;
  private final boolean move;

  /**
   * @param count rows to read; {@link Long#MAX_VALUE} for ALL
   */
  FetchFromCursor(SessionState state, String name, long count, boolean move) {
    this.state = state;
    this.name = name;
    this.count = count;
    this.move = move;
  }

  @Override
  public List<PgType> parameterTypes() {
    return List.of();
  }

  @Override
  public List<PgColumn> columns() throws SQLException {
    return move ? null : state.cursors().get(name).columns();
  }

  @Override
  public QueryRows execute(List<Object> parameters) throws SQLException {
    state.checkNotAborted();
    Cursor cursor = state.cursors().get(name);
    state.running(cursor.reading());
    if (move) {
      long moved = 0;
      try {
        while (moved < count && cursor.next()) {
          moved++;
        }
      } finally {
        state.running(null);
      }
      return FixedAnswer.command("MOVE " + moved, () -> {}).execute(List.of());
    }
    return new Rows(cursor, count, () -> state.running(null));
  }

  @Override
  public void close() {}

  /** Up to {@code limit} rows of the cursor; closing them leaves the cursor open. */
  private static final class Rows implements QueryRows {
    private final Cursor cursor;
    private final long limit;
    private final Runnable onClose;
    private long read;

    Rows(Cursor cursor, long limit, Runnable onClose) {
      this.cursor = cursor;
      this.limit = limit;
      this.onClose = onClose;
    }

    @Override
    public List<PgColumn> columns() {
      return cursor.columns();
    }

    @Override
    public boolean returnsRows() {
      return true;
    }

    @Override
    public boolean binary() {
      return cursor.binary();
    }

    @Override
    public boolean next() throws SQLException {
      if (read >= limit || !cursor.next()) {
        return false;
      }
      read++;
      return true;
    }

    @Override
    public Object value(int index) throws SQLException {
      return cursor.value(index);
    }

    @Override
    public String tag(long rows) {
      return "FETCH " + rows;
    }

    @Override
    public void close() {
      onClose.run();
    }
  }
}
