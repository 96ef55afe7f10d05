package io.github.wandbjdbc.calcite.filter;

/**
 * SQL LIKE patterns as RE2 regular expressions with the same meaning as Calcite 1.42's LIKE: the
 * whole string must match; {@code %} matches any characters, line breaks included; {@code _}
 * matches one character except a Java line terminator (\n, \r, U+0085, U+2028, U+2029), as
 * Calcite's does (measured); every other character is literal. The expression is anchored with
 * {@code ^} and {@code \z} (not {@code $}, which Java and ICU also match before a final line break)
 * so that it is neither wider nor narrower than the SQL pattern: NOT LIKE pushes its negation.
 */
final class LikePatterns {
  private static final String METACHARACTERS = "\\.+*?()|[]{}^$";
  private static final String ONE_CHARACTER = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";

  private LikePatterns() {}

  /**
   * The regex for a pattern, or null when Calcite would reject it: an escape string that is not one
   * character (or is {@code %} or {@code _}), or an escape not followed by {@code %}, {@code _} or
   * itself.
   *
   * @param escape the ESCAPE string, or null when the LIKE has none
   */
  static String toRegex(String pattern, String escape) {
    if (escape != null && (escape.length() != 1 || escape.equals("%") || escape.equals("_"))) {
      return null;
    }
    char escapeChar = escape == null ? 0 : escape.charAt(0);
    StringBuilder regex = new StringBuilder("(?s)^");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escapeChar) {
        if (i + 1 == pattern.length()) {
          return null;
        }
        char next = pattern.charAt(++i);
        if (next != '%' && next != '_' && next != escapeChar) {
          return null;
        }
        appendLiteral(regex, next);
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append(ONE_CHARACTER);
      } else {
        appendLiteral(regex, c);
      }
    }
    return regex.append("\\z").toString();
  }

  private static void appendLiteral(StringBuilder regex, char c) {
    if (METACHARACTERS.indexOf(c) >= 0) {
      regex.append('\\');
    }
    regex.append(c);
  }
}
