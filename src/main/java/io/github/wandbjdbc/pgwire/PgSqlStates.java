package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

/**
 * The driver's SQLSTATEs (JDBC's and the SQL standard's) as PostgreSQL's, where PostgreSQL clients
 * branch on them: SQLAlchemy's and psycopg's error classes, ORMs retrying on 42P01. The driver
 * keeps its own states for JDBC users; only the endpoint translates.
 */
final class PgSqlStates {
  static final String UNDEFINED_TABLE = "42P01";
  static final String UNDEFINED_COLUMN = "42703";
  static final String SYNTAX_ERROR = "42601";
  static final String UNDEFINED_FUNCTION = "42883";

  /** Calcite's words for a call no function matches. */
  private static final String NO_SUCH_FUNCTION = "No match found for function signature";

  /** Calcite's validator prefixes its errors with the position; the parser never does. */
  private static final String VALIDATOR_POSITION = "From line ";

  private PgSqlStates() {}

  /** PostgreSQL's SQLSTATE for {@code e}: its own when PostgreSQL has no better one. */
  static String of(SQLException e) {
    String state = e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (state == null || state.length() != 5) {
      return "XX000";
    }
    return switch (state) {
      case "42S02" -> UNDEFINED_TABLE;
      case "42S22" -> UNDEFINED_COLUMN;
      case "42000" -> {
        if (message.contains(NO_SUCH_FUNCTION)) {
          yield UNDEFINED_FUNCTION;
        }
        // a parse failure; 42000 also comes from the validator, and from W&B refusing a request
        boolean parser =
            e instanceof SQLSyntaxErrorException && !message.startsWith(VALIDATOR_POSITION);
        yield parser ? SYNTAX_ERROR : state;
      }
      default -> state;
    };
  }
}
