package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's open cursors by name. Each holds an open driver ResultSet, so their number is capped
 * and every way a cursor ends (CLOSE, transaction end, session end) closes it.
 */
final class OpenCursors implements AutoCloseable {
  static final int MAX_OPEN = 64;

  private final Map<String, Cursor> open = new LinkedHashMap<>();

  synchronized void add(Cursor cursor) throws SQLException {
    if (open.containsKey(cursor.name())) {
      throw new SQLException("cursor \"" + cursor.name() + "\" already exists", "42P03");
    }
    if (open.size() >= MAX_OPEN) {
      throw new SQLException(
          "too many open cursors (" + MAX_OPEN + "): CLOSE the ones you no longer read", "54000");
    }
    open.put(cursor.name(), cursor);
  }

  synchronized boolean exists(String name) {
    return open.containsKey(name);
  }

  /** The cursor named {@code name}; 34000 when there is none. */
  synchronized Cursor get(String name) throws SQLException {
    Cursor cursor = open.get(name);
    if (cursor == null) {
      throw new SQLException("cursor \"" + name + "\" does not exist", "34000");
    }
    return cursor;
  }

  void close(String name) throws SQLException {
    Cursor cursor;
    synchronized (this) {
      cursor = get(name);
      open.remove(name);
    }
    cursor.close();
  }

  /** At COMMIT or ROLLBACK: every cursor but the WITH HOLD ones ends. */
  void endTransaction() throws SQLException {
    closeAll(false);
  }

  /** CLOSE ALL, and the session's end. */
  @Override
  public void close() throws SQLException {
    closeAll(true);
  }

  private void closeAll(boolean holdToo) throws SQLException {
    List<Cursor> ending = new ArrayList<>();
    synchronized (this) {
      open.values().removeIf(c -> (holdToo || !c.hold()) && ending.add(c));
    }
    SQLException failure = null;
    for (Cursor cursor : ending) {
      try {
        cursor.close();
      } catch (SQLException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
