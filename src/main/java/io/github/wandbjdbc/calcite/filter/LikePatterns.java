package io.github.wandbjdbc.calcite.filter;

/**
 * SQL LIKE patterns as regular expressions in the syntax RE2 (W&B), ICU (MySQL 8) and PCRE share.
 * The whole string must match, so the expression is anchored with {@code ^} and {@code \z} (not
 * {@code $}, which Java and ICU also match before a final line break); {@code %} becomes {@code .*}
 * and {@code _} becomes {@code .}, both under {@code (?s)} so that they match line breaks too;
 * every other character is literal, regex metacharacters escaped.
 *
 * <p>In Calcite 1.42, {@code %} matches line breaks but {@code _} does not: it matches one
 * character except a Java line terminator (\n, \r, U+0085, U+2028, U+2029; measured). Saying so in
 * the regex would need a character class of escapes the three engines spell differently, so a
 * pattern with a {@code _} gives a regex that may also match a few strings its LIKE does not
 * ({@link Regex#exact()} false): a superset, which Calcite re-checks, and which must not be
 * negated.
 */
final class LikePatterns {
  private static final String METACHARACTERS = "\\.+*?()|[]{}^$";

  /**
   * A LIKE pattern's regex.
   *
   * @param exact true when the regex matches exactly the strings the LIKE matches; false when it
   *     also matches strings where a {@code _} meets a line terminator
   */
  record Regex(String text, boolean exact) {}

  private LikePatterns() {}

  /**
   * The regex for a pattern, or null when Calcite would reject it: an escape string that is not one
   * character (or is {@code %} or {@code _}), or an escape not followed by {@code %}, {@code _} or
   * itself.
   *
   * @param escape the ESCAPE string, or null when the LIKE has none
   */
  static Regex toRegex(String pattern, String escape) {
    if (escape != null && (escape.length() != 1 || escape.equals("%") || escape.equals("_"))) {
      return null;
    }
    char escapeChar = escape == null ? 0 : escape.charAt(0);
    StringBuilder regex = new StringBuilder("(?s)^");
    boolean exact = true;
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
        regex.append('.');
        exact = false;
      } else {
        appendLiteral(regex, c);
      }
    }
    return new Regex(regex.append("\\z").toString(), exact);
  }

  private static void appendLiteral(StringBuilder regex, char c) {
    if (METACHARACTERS.indexOf(c) >= 0) {
      regex.append('\\');
    }
    regex.append(c);
  }
}
