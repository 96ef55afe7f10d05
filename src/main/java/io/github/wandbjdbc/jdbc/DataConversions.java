package io.github.wandbjdbc.jdbc;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.SQLDataException;
import java.util.Locale;

/**
 * Text and number conversions shared by {@code ResultSet.getObject(column, Class)} and {@code
 * PreparedStatement.setObject}/{@code setString}, and the {@link SQLDataException}s they raise,
 * which name the type converted from, the value, the type asked for and what would have worked.
 */
final class DataConversions {
  /** SQLState "invalid character value for cast". */
  static final String INVALID_CAST = "22018";

  /** SQLState "numeric value out of range". */
  static final String OUT_OF_RANGE = "22003";

  /** Long texts (a JSON column) are cut in messages. */
  private static final int SHOWN_CHARS = 40;

  private DataConversions() {}

  /** A decimal number written in {@code text}, such as {@code 42}, {@code -0.5} or {@code 1e3}. */
  static BigDecimal decimal(String from, String text, String to) throws SQLDataException {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw cannotConvert(from, text, to, "a decimal number such as '42' or '0.5'");
    }
  }

  /** {@code value} as a long between {@code min} and {@code max}, if it is a whole number. */
  static long whole(String from, Object shown, BigDecimal value, String to, long min, long max)
      throws SQLDataException {
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw cannotConvert(from, shown, to, "a whole number");
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(from, shown, to, "a whole number from " + min + " to " + max);
    }
    return value.longValueExact();
  }

  /** {@code true} or {@code false}, in any case. */
  static boolean bool(String from, String text, String to) throws SQLDataException {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw cannotConvert(from, text, to, "'true' or 'false'");
    };
  }

  static SQLDataException cannotConvert(String from, Object value, String to, String expected) {
    return failure(from, value, to, "; expected " + expected, INVALID_CAST);
  }

  static SQLDataException outOfRange(String from, Object value, String to, String expected) {
    return failure(from, value, to, ": out of range; expected " + expected, OUT_OF_RANGE);
  }

  private static SQLDataException failure(
      String from, Object value, String to, String why, String sqlState) {
    return new SQLDataException(
        "cannot convert " + from + " value " + shown(value) + " to " + to + why, sqlState);
  }

  /** The JDBC name of a {@link java.sql.Types} code, such as BIGINT. */
  static String typeName(int sqlType) {
    try {
      return JDBCType.valueOf(sqlType).getName();
    } catch (IllegalArgumentException notStandard) {
      return "SQL type " + sqlType;
    }
  }

  /** Texts quoted and cut, so a message stays one readable line. */
  static String shown(Object value) {
    if (!(value instanceof String text)) {
      return String.valueOf(value);
    }
    return "'"
        + (text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...")
        + "'";
  }
}
