package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.QueryCanceledException;
import io.github.wandbjdbc.calcite.QueryTimeoutException;
import io.github.wandbjdbc.client.WandbAuthenticationException;
import io.github.wandbjdbc.client.WandbBudgetExceededException;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.WandbNotFoundException;
import io.github.wandbjdbc.client.WandbRequestException;
import io.github.wandbjdbc.client.WandbTransientException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * The one place where W&B client failures (and the scan's cancel and timeout signals) become {@link
 * SQLException} subclasses. Client messages already name the operation, the HTTP status, the
 * attempts and what to do, and never contain the API key; they are passed on unchanged.
 */
final class WandbErrors {
  /** SQLState of a statement stopped by {@code Statement.cancel()} (as PostgreSQL and DB2). */
  static final String CANCELED = "57014";

  /** SQLState of an expired {@code setQueryTimeout} (ODBC's "timeout expired"). */
  static final String TIMED_OUT = "HYT00";

  /** SQLState of a closed connection, statement or result set ("connection does not exist"). */
  static final String CLOSED = "08003";

  /** SQLState of a statement past its {@code maxRequests} ("program limit exceeded"). */
  static final String BUDGET_EXCEEDED = "54000";

  /**
   * Fails for a closed statement or result set: Avatica's own "closed" errors have no SQLState, and
   * 08003 is the standard one.
   */
  static void requireOpen(boolean closed, String what) throws SQLException {
    if (closed) {
      throw new SQLException("The " + what + " is closed", CLOSED);
    }
  }

  /** Calcite and Avatica wrap a scan's exception a few times over; this is deep enough. */
  private static final int MAX_CAUSE_DEPTH = 16;

  private WandbErrors() {}

  static SQLException atConnect(WandbException e, ConnectionConfig config) {
    String where = " (connecting to " + config.baseUrl() + ")";
    if (e instanceof WandbAuthenticationException) {
      // The message already says where the key comes from and to check it.
      return new SQLInvalidAuthorizationSpecException(e.getMessage() + where, "28000", e);
    }
    if (e instanceof WandbTransientException) {
      return new SQLTransientConnectionException(e.getMessage() + where, "08001", e);
    }
    if (e instanceof WandbNotFoundException) {
      return new SQLNonTransientConnectionException(e.getMessage() + where, "08001", e);
    }
    return new SQLNonTransientConnectionException(e.getMessage() + where, "08006", e);
  }

  /**
   * A failure while preparing, executing or reading a query: when a W&B failure, a cancel or a
   * timeout is among its causes, the exception that names it, with that cause kept; anything else
   * (a syntax error, an unknown column, a division by zero) as {@link SqlFailures} states it.
   */
  static SQLException atQuery(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
      SQLException mapped = mapped(cause);
      if (mapped != null) {
        return mapped;
      }
      cause = cause.getCause();
    }
    return SqlFailures.of(failure);
  }

  private static SQLException mapped(Throwable cause) {
    if (cause instanceof QueryCanceledException) {
      return new SQLException(
          cause.getMessage() + " (Statement.cancel()); no further rows are read.", CANCELED, cause);
    }
    if (cause instanceof QueryTimeoutException) {
      return new SQLTimeoutException(
          cause.getMessage() + "; raise the statement's query timeout or narrow the query.",
          TIMED_OUT,
          cause);
    }
    if (!(cause instanceof WandbException e)) {
      return null;
    }
    if (e instanceof WandbAuthenticationException) {
      return new SQLInvalidAuthorizationSpecException(e.getMessage(), "28000", e);
    }
    if (e instanceof WandbBudgetExceededException) {
      return new SQLNonTransientException(e.getMessage(), BUDGET_EXCEEDED, e);
    }
    if (e instanceof WandbTransientException) {
      // No HTTP status: the connection failed or timed out on every attempt.
      return e.httpStatus() == 0
          ? new SQLTransientConnectionException(e.getMessage(), "08006", e)
          : new SQLTransientException(e.getMessage(), "HY000", e);
    }
    if (e instanceof WandbNotFoundException) {
      return new SQLNonTransientException(e.getMessage(), "42S02", e);
    }
    if (e instanceof WandbRequestException) {
      return new SQLNonTransientException(e.getMessage(), "42000", e);
    }
    // An unreadable response, a history W&B would only answer sampled (WandbInexactException),
    // a closed client, an interrupted wait.
    return new SQLNonTransientException(e.getMessage(), "HY000", e);
  }
}
