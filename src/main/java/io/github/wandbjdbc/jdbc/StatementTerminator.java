package io.github.wandbjdbc.jdbc;

import java.sql.SQLSyntaxErrorException;

/**
 * Accepts one trailing {@code ;} after a statement, as the SQL shells and editors users copy from
 * write it; Calcite's parser takes a single statement without one. What follows the {@code ;} may
 * be blanks and comments only: a second statement is an error, since a JDBC statement runs one.
 *
 * <p>Scans the text as Calcite's parser (double-quoted identifiers) does: {@code '…'} literals with
 * {@code ''} (also after {@code N}, {@code X}, {@code U&} or a charset), {@code E'…'} literals with
 * backslash escapes, {@code "…"} identifiers with {@code ""}, and {@code --}, {@code //} and {@code
 * /* … *}{@code /} comments. Unterminated text is left for the parser to report.
 */
final class StatementTerminator {
  /** SQLState 42000: syntax error or access rule violation. */
  static final String SYNTAX_ERROR = "42000";

  private StatementTerminator() {}

  /**
   * The statement without its trailing {@code ;} and whatever blanks and comments follow it; the
   * text unchanged when it has none.
   *
   * @throws SQLSyntaxErrorException when a {@code ;} is followed by more SQL
   */
  static String strip(String sql) throws SQLSyntaxErrorException {
    if (sql == null) {
      return null;
    }
    int terminator = -1;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int skipped = skipQuotedOrComment(sql, i);
      if (skipped > i) {
        if (terminator >= 0 && !isComment(sql, i)) {
          throw secondStatement(sql, terminator);
        }
        i = skipped;
      } else if (c == ';' || !Character.isWhitespace(c)) {
        if (terminator >= 0) {
          throw secondStatement(sql, terminator);
        }
        if (c == ';') {
          terminator = i;
        }
        i++;
      } else {
        i++;
      }
    }
    return terminator < 0 ? sql : sql.substring(0, terminator);
  }

  /** The index after the literal, identifier or comment starting at {@code i}, else {@code i}. */
  private static int skipQuotedOrComment(String sql, int i) {
    char c = sql.charAt(i);
    if (sql.startsWith("--", i) || sql.startsWith("//", i)) {
      int end = i + 2;
      while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
        end++;
      }
      return end;
    }
    if (sql.startsWith("/*", i)) {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    if (c == '\'') {
      return closingQuote(sql, i, '\'', isCStyleLiteral(sql, i));
    }
    if (c == '"') {
      return closingQuote(sql, i, '"', false);
    }
    return i;
  }

  private static boolean isComment(String sql, int i) {
    return sql.startsWith("--", i) || sql.startsWith("//", i) || sql.startsWith("/*", i);
  }

  /** Whether the quote at {@code i} opens an {@code E'…'} literal: an {@code E} token before it. */
  private static boolean isCStyleLiteral(String sql, int i) {
    return i > 0
        && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
        && (i == 1 || !isIdentifierPart(sql.charAt(i - 2)));
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The index after the quote closing the one at {@code open}; the end if it is never closed. */
  private static int closingQuote(String sql, int open, char quote, boolean backslashEscapes) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  private static SQLSyntaxErrorException secondStatement(String sql, int terminator) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < terminator; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SQLSyntaxErrorException(
        "More than one SQL statement: the ';' at line "
            + line
            + ", column "
            + column
            + " is followed by more SQL. A JDBC statement runs one SQL statement (a trailing ';' is"
            + " fine); execute each statement on its own.",
        SYNTAX_ERROR);
  }
}
