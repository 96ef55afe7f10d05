package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements about the session, which the endpoint answers without the driver: transaction control
 * (accepted; the driver only reads), SET, SHOW, DISCARD, and {@code SELECT} of session functions
 * such as {@code version()} or {@code current_schema()}.
 */
final class SessionCommands {
  private static final Pattern TRANSACTION =
      Pattern.compile(
          "(?is)(begin|start\\s+transaction|commit|end|rollback|abort|savepoint|release)\\b.*");
  private static final Pattern SET =
      Pattern.compile("(?is)set\\s+(?:session\\s+|local\\s+)?([\\w.]+)\\s*(?:=|\\bto\\b)\\s*(.*)");
  private static final Pattern SET_OTHER =
      Pattern.compile(
          "(?is)set\\s+(session\\s+characteristics|transaction|time\\s+zone|names)\\b.*");
  private static final Pattern SHOW = Pattern.compile("(?is)show\\s+(.+)");
  private static final Pattern NO_OP =
      Pattern.compile("(?is)(discard|deallocate|unlisten|reset|listen)\\b.*");
  private static final Pattern FUNCTIONS = Pattern.compile("(?is)select\\s+(.+)");

  private final SessionState state;

  SessionCommands(SessionState state) {
    this.state = state;
  }

  /** The answer for {@code sql}, or null when it is not a session statement. */
  FixedAnswer plan(String sql) {
    Matcher m;
    if ((m = TRANSACTION.matcher(sql)).matches()) {
      return transaction(m.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0]);
    }
    if ((m = SET.matcher(sql)).matches()) {
      String name = m.group(1);
      String value = unquote(m.group(2).strip());
      return FixedAnswer.command("SET", () -> set(name, value));
    }
    if (SET_OTHER.matcher(sql).matches()) {
      return FixedAnswer.command("SET", () -> {});
    }
    if ((m = SHOW.matcher(sql)).matches()) {
      return show(m.group(1).strip());
    }
    if ((m = NO_OP.matcher(sql)).matches()) {
      return FixedAnswer.command(sql.strip().toUpperCase(Locale.ROOT).split("\\s+")[0], () -> {});
    }
    if ((m = FUNCTIONS.matcher(sql)).matches()) {
      return functions(m.group(1));
    }
    return null;
  }

  private FixedAnswer transaction(String verb) {
    return switch (verb) {
      case "begin", "start" -> FixedAnswer.command("BEGIN", () -> state.transactionStatus('T'));
      case "commit", "end" -> FixedAnswer.command("COMMIT", this::endTransaction);
      case "savepoint" -> FixedAnswer.command("SAVEPOINT", () -> {});
      case "release" -> FixedAnswer.command("RELEASE", () -> {});
      default -> FixedAnswer.command("ROLLBACK", this::endTransaction);
    };
  }

  private void endTransaction() {
    try {
      state.endTransaction();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void set(String name, String value) {
    try {
      state.set(name, value);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private FixedAnswer show(String what) {
    String name = what.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (name.equals("transaction isolation level")) {
      name = "transaction_isolation";
    }
    String value = state.setting(name);
    if (value == null) {
      String unknown = name;
      return new FixedAnswer(
          List.of(new PgColumn(name, PgType.TEXT)),
          List.of(),
          p -> {
            throw new SQLException(
                "unrecognized configuration parameter \"" + unknown + "\"", "42704");
          },
          "SHOW");
    }
    return new FixedAnswer(
        List.of(new PgColumn(name, PgType.TEXT)), List.of(), p -> List.of(List.of(value)), "SHOW");
  }

  /**
   * {@code SELECT version()}, {@code select pg_catalog.current_schema() AS s, current_user}: a list
   * of session functions, each with an optional alias; null when anything else is selected.
   */
  private FixedAnswer functions(String list) {
    List<PgColumn> columns = new ArrayList<>();
    List<Object> row = new ArrayList<>();
    for (String item : list.split(",")) {
      Matcher m =
          Pattern.compile(
                  "(?is)\\s*(?:pg_catalog\\.)?(\\w+)\\s*(?:\\(\\s*('[^']*')?\\s*\\))?(?:\\s+(?:as\\s+)?\"?(\\w+)\"?)?\\s*")
              .matcher(item);
      if (!m.matches()) {
        return null;
      }
      String function = m.group(1).toLowerCase(Locale.ROOT);
      Object value = function(function, m.group(2) == null ? null : unquote(m.group(2)));
      if (value == NOT_A_SESSION_FUNCTION) {
        return null;
      }
      columns.add(
          new PgColumn(
              m.group(3) != null ? m.group(3) : function,
              value instanceof Integer ? PgType.INT4 : PgType.TEXT));
      row.add(value);
    }
    return FixedAnswer.rows(columns, List.of(Arrays.asList(row.toArray())));
  }

  private static final Object NOT_A_SESSION_FUNCTION = new Object();

  private Object function(String name, String argument) {
    return switch (name) {
      case "version" -> "PostgreSQL 16.0 (wandb-jdbc PostgreSQL endpoint over Weights & Biases)";
      case "current_schema" -> state.schema();
      case "current_database" -> state.database();
      case "current_user", "session_user", "user" -> state.user();
      case "current_setting" -> argument == null ? NOT_A_SESSION_FUNCTION : state.setting(argument);
      case "pg_backend_pid" -> 0;
      default -> NOT_A_SESSION_FUNCTION;
    };
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1).replace("''", "'");
    }
    return value;
  }
}
