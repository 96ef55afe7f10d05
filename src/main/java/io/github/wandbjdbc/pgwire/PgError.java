package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.Objects;

/** The fields of an ErrorResponse: severity, SQLSTATE and a one-line message. */
record PgError(String severity, String sqlState, String message) {
  PgError {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(sqlState, "sqlState");
    Objects.requireNonNull(message, "message");
  }

  static PgError error(String sqlState, String message) {
    return new PgError("ERROR", sqlState, message);
  }

  static PgError fatal(String sqlState, String message) {
    return new PgError("FATAL", sqlState, message);
  }

  /**
   * The driver's failure with PostgreSQL's SQLSTATE for it (XX000 when it gave none) and its
   * message's first line.
   */
  static PgError of(SQLException e) {
    String state = PgSqlStates.of(e);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return error(state, message.lines().findFirst().orElse(message));
  }
}
