package io.github.wandbjdbc.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;

/**
 * {@code ResultSet.getObject(column, Class)} for the classes JDBC 4.2 maps this driver's column
 * types to; Avatica implements none (each of its accessors throws "cannot convert to Object (with
 * type)"). A TIMESTAMP is the UTC instant {@code getTimestamp} returns (the connection's time zone
 * is UTC), and every class gets that same instant: {@code LocalDateTime} and {@code OffsetDateTime}
 * show it in UTC, never in the JVM's zone.
 */
final class ColumnConversions {
  private static final Set<Class<?>> NUMBER_CLASSES =
      Set.of(
          Long.class,
          Integer.class,
          Short.class,
          Byte.class,
          BigDecimal.class,
          Double.class,
          Float.class);
  private static final String FROM_NUMBER =
      "String, Long, Integer, Short, Byte, BigDecimal, Double, Float, Boolean or Object";
  private static final String FROM_BOOLEAN = "String, Boolean or Object";
  private static final String FROM_TIMESTAMP =
      "String, Timestamp, LocalDateTime, OffsetDateTime, Instant, java.util.Date or Object";

  private ColumnConversions() {}

  /** The column's value as {@code type}; null for SQL NULL, whatever the type. */
  static <T> T read(ResultSet rows, int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException(
          "getObject(column, type) needs the class to read column "
              + column
              + " as, such as String.class; it was null",
          "HY009");
    }
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    if (type == String.class) {
      return type.cast(rows.getString(column));
    }
    if (type == Object.class || type == value.getClass()) {
      return type.cast(value);
    }
    String from = rows.getMetaData().getColumnTypeName(column);
    return type.cast(convert(from, value, type));
  }

  private static Object convert(String from, Object value, Class<?> type) throws SQLDataException {
    if (value instanceof Timestamp timestamp) {
      return temporal(from, timestamp, type);
    }
    if (value instanceof Boolean) {
      throw unsupported(from, value, type, FROM_BOOLEAN);
    }
    if (!(value instanceof Number || value instanceof String)) {
      throw unsupported(from, value, type, "String or Object");
    }
    if (type == Boolean.class) {
      return bool(from, value);
    }
    if (!NUMBER_CLASSES.contains(type)) {
      throw unsupported(from, value, type, FROM_NUMBER);
    }
    return number(from, value, type);
  }

  private static Object temporal(String from, Timestamp timestamp, Class<?> type)
      throws SQLDataException {
    Instant instant = timestamp.toInstant();
    if (type == Instant.class) {
      return instant;
    }
    if (type == OffsetDateTime.class) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    if (type == LocalDateTime.class) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (type == Date.class) {
      return new Date(timestamp.getTime());
    }
    throw unsupported(from, instant, type, FROM_TIMESTAMP);
  }

  private static Boolean bool(String from, Object value) throws SQLDataException {
    if (value instanceof String text) {
      return DataConversions.bool(from, text, Boolean.class.getName());
    }
    double number = ((Number) value).doubleValue();
    if (number != 0 && number != 1) {
      throw DataConversions.cannotConvert(from, value, Boolean.class.getName(), "0 or 1");
    }
    return number == 1;
  }

  private static Object number(String from, Object value, Class<?> type) throws SQLDataException {
    String to = type.getName();
    if (value instanceof Double || value instanceof Float) {
      double approximate = ((Number) value).doubleValue();
      if (type == Double.class) {
        return approximate;
      }
      if (type == Float.class) {
        return toFloat(from, value, approximate);
      }
      if (!Double.isFinite(approximate)) {
        throw DataConversions.cannotConvert(from, value, to, "a finite number");
      }
    }
    BigDecimal decimal = decimal(from, value, to);
    if (type == Long.class) {
      return DataConversions.whole(from, value, decimal, to, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type == Integer.class) {
      return (int)
          DataConversions.whole(from, value, decimal, to, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (type == Short.class) {
      return (short)
          DataConversions.whole(from, value, decimal, to, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (type == Byte.class) {
      return (byte) DataConversions.whole(from, value, decimal, to, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    if (type == BigDecimal.class) {
      return decimal;
    }
    double approximate = decimal.doubleValue();
    if (Double.isInfinite(approximate)) {
      throw DataConversions.outOfRange(from, value, to, "a finite " + type.getSimpleName());
    }
    if (type == Double.class) {
      return approximate;
    }
    return toFloat(from, value, approximate);
  }

  private static BigDecimal decimal(String from, Object value, String to) throws SQLDataException {
    if (value instanceof String text) {
      return DataConversions.decimal(from, text, to);
    }
    if (value instanceof BigDecimal exact) {
      return exact;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }

  private static float toFloat(String from, Object value, double approximate)
      throws SQLDataException {
    float narrowed = (float) approximate;
    if (Float.isInfinite(narrowed) && !Double.isInfinite(approximate)) {
      throw DataConversions.outOfRange(
          from, value, Float.class.getName(), "a number within Float's range");
    }
    return narrowed;
  }

  private static SQLDataException unsupported(
      String from, Object value, Class<?> type, String classes) {
    return DataConversions.cannotConvert(
        from, value, type.getName(), "one of the classes a " + from + " reads as: " + classes);
  }
}
