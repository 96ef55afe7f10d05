package io.github.wandbjdbc.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Calcite's and Avatica's own failures (parse, validation, evaluation, compilation) as one short
 * {@link SQLException} with a standard SQLState. Calcite wraps its reason in several layers, each
 * repeating the one below and some adding the whole SQL text; the message here is the reason once,
 * with the position where the parser or validator knows it.
 */
final class SqlFailures {
  static final String SYNTAX_ERROR = "42000";
  static final String UNKNOWN_TABLE = "42S02";
  static final String UNKNOWN_COLUMN = "42S22";
  static final String DIVISION_BY_ZERO = "22012";
  static final String BAD_VALUE = "22018";
  static final String NOT_SUPPORTED = "0A000";
  static final String TOO_COMPLEX = "54001";
  static final String GENERAL = "HY000";

  /** Messages are cut here; a tool shows them in a dialog or a log line. */
  static final int MAX_MESSAGE = 1000;

  private static final Pattern UNKNOWN_TABLE_MESSAGE =
      Pattern.compile("(Object|Table|Schema) '.*' not found.*", Pattern.DOTALL);
  private static final Pattern UNKNOWN_COLUMN_MESSAGE =
      Pattern.compile("(Column '.*' not found|Unknown identifier).*", Pattern.DOTALL);

  /** Janino's words when generated code exceeds the JVM's limit on one method. */
  private static final String JAVA_METHOD_LIMIT = "Code grows beyond 64 KB";

  private SqlFailures() {}

  /** The failure among {@code failure}'s causes that says what is wrong, as an SQLException. */
  static SQLException of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      SQLException known = known(t);
      if (known != null) {
        return known;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    // An SQLException this driver or Avatica raised with a state (07001, 25006, ...) stands.
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql;
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.toString();
    if (message.contains(JAVA_METHOD_LIMIT)) {
      return new SQLNonTransientException(CompiledListLimit.TOO_LARGE, TOO_COMPLEX, failure);
    }
    return new SQLException(bounded(message), GENERAL, failure);
  }

  private static SQLException known(Throwable t) {
    if (t instanceof SqlParseException parse) {
      return new SQLSyntaxErrorException(
          ParseErrorMessage.of(parse), SYNTAX_ERROR, parse.getCause());
    }
    if (t instanceof CalciteContextException context) {
      String reason = context.getCause() != null ? context.getCause().getMessage() : null;
      String state =
          reason == null
              ? SYNTAX_ERROR
              : UNKNOWN_TABLE_MESSAGE.matcher(reason).matches()
                  ? UNKNOWN_TABLE
                  : UNKNOWN_COLUMN_MESSAGE.matcher(reason).matches()
                      ? UNKNOWN_COLUMN
                      : SYNTAX_ERROR;
      return new SQLSyntaxErrorException(bounded(context.getMessage()), state, context);
    }
    if (t instanceof ReadOnlyPrepare.ReadOnlyViolation readOnly) {
      return new SQLNonTransientException(readOnly.getMessage(), ReadOnlySql.SQL_STATE, readOnly);
    }
    if (t instanceof CompiledListLimit.Exceeded exceeded) {
      return new SQLNonTransientException(exceeded.getMessage(), TOO_COMPLEX, exceeded);
    }
    if (t instanceof ArithmeticException arithmetic) {
      String what =
          "/ by zero".equals(arithmetic.getMessage())
              ? "Division by zero"
              : arithmetic.getMessage();
      return new SQLDataException(what, DIVISION_BY_ZERO, arithmetic);
    }
    if (t instanceof NumberFormatException number) {
      return new SQLDataException(
          "A value cannot be converted to the type it is compared with or cast to: "
              + bounded(number.getMessage()),
          BAD_VALUE,
          number);
    }
    if (t instanceof UnsupportedOperationException unsupported) {
      return new SQLFeatureNotSupportedException(
          bounded(String.valueOf(unsupported.getMessage())), NOT_SUPPORTED, unsupported);
    }
    return null;
  }

  static String bounded(String message) {
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE) + "… (" + message.length() + " characters)";
  }
}
