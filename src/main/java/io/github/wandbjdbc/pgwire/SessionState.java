package io.github.wandbjdbc.pgwire;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One PG session's state: its driver connection, the settings SET changed, the transaction status
 * ReadyForQuery reports, its open cursors, and the statement running now (for CancelRequest).
 */
final class SessionState {
  /** ParameterStatus values sent at start-up, and SHOW's answers until a SET changes them. */
  static final Map<String, String> REPORTED =
      Map.ofEntries(
          Map.entry("server_version", "16.0"),
          Map.entry("server_encoding", "UTF8"),
          Map.entry("client_encoding", "UTF8"),
          Map.entry("DateStyle", "ISO, MDY"),
          Map.entry("IntervalStyle", "postgres"),
          Map.entry("TimeZone", "UTC"),
          Map.entry("integer_datetimes", "on"),
          Map.entry("standard_conforming_strings", "on"),
          Map.entry("is_superuser", "off"),
          Map.entry("default_transaction_read_only", "on"),
          Map.entry("in_hot_standby", "off"));

  private final Connection connection;
  private final StatementLog log;
  private final String user;
  private final String database;
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final OpenCursors cursors = new OpenCursors();
  private char transactionStatus = 'I';
  private volatile PreparedStatement running;

  SessionState(
      Connection connection,
      StatementLog log,
      String user,
      String database,
      String applicationName) {
    this.connection = connection;
    this.log = log;
    this.user = user;
    this.database = database;
    REPORTED.forEach((name, value) -> settings.put(name.toLowerCase(Locale.ROOT), value));
    settings.put("application_name", applicationName);
    settings.put("session_authorization", user);
    settings.put("transaction_isolation", "read committed");
    settings.put("transaction_read_only", "on");
    settings.put("max_identifier_length", "63");
    settings.put("search_path", "\"$user\", public");
  }

  Connection connection() {
    return connection;
  }

  StatementLog log() {
    return log;
  }

  String user() {
    return user;
  }

  String database() {
    return database;
  }

  /** A setting's value, or null for one this endpoint does not know. */
  String setting(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.equals("search_path")) {
      String schema = schema();
      return schema == null ? settings.get(key) : schema;
    }
    return settings.get(key);
  }

  void set(String name, String value) throws SQLException {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.equals("search_path")) {
      String first = value.split(",")[0].strip().replaceAll("^['\"]|['\"]$", "");
      if (!first.isEmpty() && !first.equals("public") && !first.startsWith("$")) {
        connection.setSchema(first);
      }
    }
    settings.put(key, value);
  }

  /** The session's current project (schema), or null. */
  String schema() {
    try {
      return connection.getSchema();
    } catch (SQLException e) {
      return null;
    }
  }

  char transactionStatus() {
    return transactionStatus;
  }

  void transactionStatus(char status) {
    transactionStatus = status;
  }

  /** COMMIT or ROLLBACK: back to idle, and the cursors declared without HOLD end. */
  void endTransaction() throws SQLException {
    transactionStatus = 'I';
    cursors.endTransaction();
  }

  /** 25P02 in a failed transaction block, where PostgreSQL takes nothing but its end. */
  void checkNotAborted() throws SQLException {
    if (transactionStatus == 'E') {
      throw new SQLException(
          "current transaction is aborted, commands ignored until end of transaction block",
          "25P02");
    }
  }

  OpenCursors cursors() {
    return cursors;
  }

  /** The statement running now, or null. */
  PreparedStatement running() {
    return running;
  }

  void running(PreparedStatement statement) {
    running = statement;
  }

  /** Statement.cancel() on what runs now; nothing when nothing runs. */
  void cancel() {
    PreparedStatement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // the statement finished or closed meanwhile: nothing left to cancel
      }
    }
  }
}
