package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DECLARE, FETCH, MOVE and CLOSE: the statements psycopg's named cursors and SQLAlchemy's {@code
 * stream_results} send to read a large result a batch at a time. Cursors only read forward.
 */
final class CursorCommands {
  private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";
  private static final Pattern DECLARE =
      Pattern.compile(
          "(?is)declare\\s+"
              + NAME
              + "\\s+((?:(?:binary|insensitive|asensitive|no\\s+scroll|scroll)\\s+)*)"
              + "cursor\\s+(?:(with|without)\\s+hold\\s+)?for\\s+(.+)");
  private static final Pattern FETCH =
      Pattern.compile("(?is)(fetch|move)(?:\\s+(.*?))??\\s+(?:(?:from|in)\\s+)?" + NAME + "\\s*");
  private static final Pattern CLOSE = Pattern.compile("(?is)close\\s+" + NAME + "\\s*");
  private static final Pattern FORWARD = Pattern.compile("(?is)(?:forward\\s*)?(all|\\d+)?");

  private final SessionState state;
  private final StatementPlanner planner;

  CursorCommands(SessionState state, StatementPlanner planner) {
    this.state = state;
    this.planner = planner;
  }

  /** The plan for a cursor statement, or null when {@code sql} is none. */
  PlannedStatement plan(String sql) throws SQLException {
    Matcher m;
    if ((m = DECLARE.matcher(sql)).matches()) {
      String options = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (options.matches("(.* )?scroll .*") && !options.contains("no scroll")) {
        throw new SQLException(
            "cursors here only read forward: declare it NO SCROLL, or without SCROLL", "0A000");
      }
      boolean hold = "with".equalsIgnoreCase(m.group(3));
      return new DeclareCursor(
          state, name(m.group(1)), hold, options.contains("binary"), planner, m.group(4));
    }
    if ((m = FETCH.matcher(sql)).matches()) {
      boolean move = m.group(1).equalsIgnoreCase("move");
      return new FetchFromCursor(state, name(m.group(3)), count(m.group(2)), move);
    }
    if ((m = CLOSE.matcher(sql)).matches()) {
      String name = m.group(1);
      boolean all = name.equalsIgnoreCase("all");
      return FixedAnswer.command(
          all ? "CLOSE CURSOR ALL" : "CLOSE CURSOR", () -> close(all ? null : name(name)));
    }
    return null;
  }

  private void close(String name) {
    try {
      state.checkNotAborted();
      if (name == null) {
        state.cursors().close();
      } else {
        state.cursors().close(name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** How many rows a FETCH or MOVE direction reads: {@link Long#MAX_VALUE} for ALL. */
  static long count(String direction) throws SQLException {
    String d = direction == null ? "" : direction.strip().replaceAll("\\s+", " ");
    if (d.equalsIgnoreCase("next")) {
      return 1;
    }
    Matcher m = FORWARD.matcher(d);
    if (!m.matches()) {
      throw new SQLException(
          "cursor can only scan forward: FETCH " + d + " is not supported", "55000");
    }
    if (m.group(1) == null) {
      return 1;
    }
    if (m.group(1).equalsIgnoreCase("all")) {
      return Long.MAX_VALUE;
    }
    long count;
    try {
      count = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new SQLException("FETCH count " + m.group(1) + " is out of range", "22003");
    }
    if (count == 0) {
      throw new SQLException("FETCH 0 (the current row again) is not supported", "0A000");
    }
    return count;
  }

  /** A cursor name as PostgreSQL folds it: quoted kept as written, bare lower-cased. */
  static String name(String token) {
    if (token.startsWith("\"")) {
      return token.substring(1, token.length() - 1).replace("\"\"", "\"");
    }
    return token.toLowerCase(Locale.ROOT);
  }
}
