package io.github.wandbjdbc.pgwire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** PostgreSQL's text forms of the values whose Java text differs: floats, timestamps, booleans. */
final class PgText {
  /** {@code 2026-05-12 21:49:19.017}: fractional digits only as far as they are not zero. */
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
          .toFormatter(Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter TIMESTAMP_INPUT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .toFormatter(Locale.ROOT);

  private PgText() {}

  /**
   * As PostgreSQL 12+ prints float8 (extra_float_digits 1): the shortest text that reads back as
   * the same double, in exponent form below 1e-4 and from 1e15 on, e.g. {@code 1e-05}, {@code 0.5},
   * {@code 3}, {@code NaN}, {@code -Infinity}.
   */
  static String floatText(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (exponent >= -4 && exponent < 15) {
      return decimal.toPlainString();
    }
    String digits = decimal.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = exponent < 0 ? "-" : "+";
    String power = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    return (decimal.signum() < 0 ? "-" : "") + mantissa + "e" + sign + power;
  }

  static String timestampText(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  static double parseFloat(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "infinity", "+infinity", "inf" -> Double.POSITIVE_INFINITY;
      case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** A timestamp parameter, read as UTC; an offset such as {@code +00} or {@code Z} is allowed. */
  static Instant parseTimestamp(String text) {
    // an offset follows a time of day only: a bare date ends in "-12" too
    String local = text.length() > 10 ? text.replaceFirst("(Z|[+-]\\d\\d(:?\\d\\d)?)$", "") : text;
    Instant instant = LocalDateTime.parse(local, TIMESTAMP_INPUT).toInstant(ZoneOffset.UTC);
    if (local.equals(text) || text.endsWith("Z")) {
      return instant;
    }
    String offset = text.substring(local.length());
    return instant.minusSeconds(
        ZoneOffset.of(offset.length() == 3 ? offset + ":00" : offset).getTotalSeconds());
  }

  static boolean parseBool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "t", "true", "y", "yes", "on", "1" -> true;
      case "f", "false", "n", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }
}
