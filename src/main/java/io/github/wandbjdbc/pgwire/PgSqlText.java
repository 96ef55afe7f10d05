package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lexes PostgreSQL query text just far enough to split it into statements at top-level {@code ;}
 * and to turn {@code $1}-style parameters into JDBC's {@code ?}, skipping string literals ({@code
 * '...'}, {@code E'...'}), quoted identifiers, dollar-quoted strings and comments.
 */
final class PgSqlText {
  /** The driver's form of a statement: {@code ?} markers, and which {@code $n} each one is. */
  record Placeholders(String sql, List<Integer> parameterNumbers) {
    Placeholders {
      parameterNumbers = List.copyOf(parameterNumbers);
    }

    int parameterCount() {
      return parameterNumbers.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
  }

  private PgSqlText() {}

  /** The statements of a simple Query message, trimmed, without empty ones. */
  static List<String> split(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == ';') {
        add(statements, text.substring(start, i));
        start = ++i;
      } else {
        i = skip(text, i);
      }
    }
    add(statements, text.substring(start));
    return statements;
  }

  static Placeholders placeholders(String sql) {
    List<Integer> numbers = new ArrayList<>();
    String jdbc =
        substitute(
            sql,
            n -> {
              numbers.add(n);
              return "?";
            });
    return new Placeholders(jdbc, numbers);
  }

  /** {@code sql} with each {@code $n} outside literals replaced by {@code replacement(n)}. */
  static String substitute(String sql, java.util.function.IntFunction<String> replacement) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int digits = i + 1;
      while (c == '$' && digits < sql.length() && Character.isDigit(sql.charAt(digits))) {
        digits++;
      }
      if (digits > i + 1 && !identifierPart(sql, i - 1)) {
        out.append(replacement.apply(Integer.parseInt(sql.substring(i + 1, digits))));
        i = digits;
      } else {
        int next = skip(sql, i);
        out.append(sql, i, next);
        i = next;
      }
    }
    return out.toString();
  }

  /**
   * 42P02 for a {@code $n} outside literals: a simple query has no parameters, and the driver would
   * otherwise read {@code $1} as an identifier and answer wrongly instead of failing.
   */
  static void requireNoParameters(String sql) throws SQLException {
    List<Integer> numbers = placeholders(sql).parameterNumbers();
    if (!numbers.isEmpty()) {
      throw new SQLException("there is no parameter $" + numbers.get(0), "42P02");
    }
  }

  /** A value as an SQL literal: NULL, a number, or a quoted string. */
  static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  /** Drops a statement's trailing {@code ;} and blanks. */
  static String trim(String statement) {
    String s = statement.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static void add(List<String> statements, String statement) {
    String trimmed = statement.strip();
    if (!trimmed.isEmpty() && !onlyComments(trimmed)) {
      statements.add(trimmed);
    }
  }

  private static boolean onlyComments(String s) {
    int i = 0;
    while (i < s.length()) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
      } else if (s.startsWith("--", i) || s.startsWith("/*", i)) {
        i = skip(s, i);
      } else {
        return false;
      }
    }
    return true;
  }

  /** The index just past the token starting at {@code i}: a literal, comment or one character. */
  private static int skip(String s, int i) {
    char c = s.charAt(i);
    if (c == '\'') {
      boolean backslashes =
          i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e') && !identifierPart(s, i - 2);
      return endOfQuoted(s, i, '\'', backslashes);
    }
    if (c == '"') {
      return endOfQuoted(s, i, '"', false);
    }
    if (s.startsWith("--", i)) {
      int end = s.indexOf('\n', i);
      return end < 0 ? s.length() : end + 1;
    }
    if (s.startsWith("/*", i)) {
      return endOfBlockComment(s, i);
    }
    if (c == '$' && !identifierPart(s, i - 1)) {
      int tagEnd = i + 1;
      while (tagEnd < s.length()
          && identifierChar(s.charAt(tagEnd))
          && !Character.isDigit(s.charAt(i + 1))) {
        tagEnd++;
      }
      if (tagEnd < s.length() && s.charAt(tagEnd) == '$') {
        String tag = s.substring(i, tagEnd + 1);
        int close = s.indexOf(tag, tagEnd + 1);
        return close < 0 ? s.length() : close + tag.length();
      }
    }
    return i + 1;
  }

  private static int endOfQuoted(String s, int start, char quote, boolean backslashes) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static int endOfBlockComment(String s, int start) {
    int depth = 0;
    int i = start;
    while (i < s.length()) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static boolean identifierPart(String s, int i) {
    return i >= 0 && i < s.length() && identifierChar(s.charAt(i));
  }

  private static boolean identifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
