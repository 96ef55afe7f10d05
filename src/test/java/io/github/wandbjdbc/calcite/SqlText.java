package io.github.wandbjdbc.calcite;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Values as SQL literals, and identifiers, in the forms Calcite's parser accepts. */
final class SqlText {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  /** Digits of the longest exact numeric literal written; Calcite's DECIMAL holds 19. */
  private static final int DECIMAL_DIGITS = 18;

  private SqlText() {}

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * A character literal. Calcite compares character literals only with columns of their own
   * character set, ISO-8859-1, so a code point beyond it becomes {@code ?}: the literal then
   * differs from the value, which is fine for a comparison that is meant to match nothing.
   */
  static String quote(String text) {
    StringBuilder literal = new StringBuilder("'");
    text.codePoints()
        .forEach(c -> literal.append(c == '\'' ? "''" : c < 256 ? Character.toString(c) : "?"));
    return literal.append('\'').toString();
  }

  /**
   * A literal for a String, Long, BigDecimal, Double, Boolean or LocalDateTime. A Double is written
   * as an approximate literal ({@code 1.5E0}) or, when {@code decimal} and it is moderate, as an
   * exact one ({@code 1.5}); NaN and infinities as a CAST of their text.
   */
  static String literal(Object value, boolean decimal) {
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Long || value instanceof Boolean) {
      return value.toString().toUpperCase(Locale.ROOT);
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof Double number) {
      return doubleLiteral(number, decimal);
    }
    if (value instanceof LocalDateTime time) {
      String text = TIMESTAMP.format(time);
      if (time.getNano() != 0) {
        text += String.format(Locale.ROOT, ".%03d", time.getNano() / 1_000_000);
      }
      return "TIMESTAMP '" + text + "'";
    }
    throw new IllegalArgumentException("no literal for " + value.getClass());
  }

  private static String doubleLiteral(double value, boolean decimal) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "CAST('" + value + "' AS DOUBLE)";
    }
    BigDecimal exact = new BigDecimal(Double.toString(value));
    boolean negativeZero = value == 0 && 1 / value < 0;
    int digits = Math.max(exact.precision() - exact.scale(), 1) + Math.max(exact.scale(), 0);
    if (decimal && !negativeZero && digits <= DECIMAL_DIGITS) {
      return exact.toPlainString();
    }
    String text = Double.toString(value);
    return text.contains("E") ? text : text + "E0";
  }
}
