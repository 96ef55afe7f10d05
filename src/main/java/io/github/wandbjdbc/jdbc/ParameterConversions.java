package io.github.wandbjdbc.jdbc;

import java.sql.SQLDataException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * A value given to {@code setObject} or {@code setString}, turned into the value the typed setter
 * for the parameter's type binds: a {@link Timestamp} of the same UTC instant for a date-time on a
 * TIMESTAMP parameter (a {@code LocalDateTime} or {@code LocalDate} is read in UTC, as the driver
 * shows timestamps), a Long, Integer, Double or Boolean for text on a parameter of that type.
 * Avatica binds such values unconverted, and the scan then fails to compare them; converted, the
 * scan and its W&B filter see exactly what {@code setTimestamp}, {@code setLong} or {@code
 * setDouble} would have given them.
 */
final class ParameterConversions {
  private ParameterConversions() {}

  /** The value to bind, {@code value} itself when it needs no conversion. */
  static Object convert(Object value, int sqlType, int parameter) throws SQLDataException {
    if (isDateTime(value)) {
      return switch (sqlType) {
        case Types.TIMESTAMP -> timestamp(value, parameter);
        case Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.DOUBLE, Types.BOOLEAN ->
            throw DataConversions.cannotConvert(
                value.getClass().getName(),
                value,
                target(sqlType, parameter),
                "a TIMESTAMP parameter for a date-time value");
        default -> value;
      };
    }
    if (!(value instanceof String text)) {
      return value;
    }
    String from = String.class.getName();
    String to = target(sqlType, parameter);
    return switch (sqlType) {
      case Types.BIGINT ->
          DataConversions.whole(
              from,
              text,
              DataConversions.decimal(from, text, to),
              to,
              Long.MIN_VALUE,
              Long.MAX_VALUE);
      case Types.INTEGER ->
          (int)
              DataConversions.whole(
                  from,
                  text,
                  DataConversions.decimal(from, text, to),
                  to,
                  Integer.MIN_VALUE,
                  Integer.MAX_VALUE);
      case Types.DOUBLE -> approximate(text, to);
      case Types.BOOLEAN -> DataConversions.bool(from, text, to);
      default -> text;
    };
  }

  private static boolean isDateTime(Object value) {
    return value instanceof Instant
        || value instanceof OffsetDateTime
        || value instanceof ZonedDateTime
        || value instanceof LocalDateTime
        || value instanceof LocalDate
        // java.sql.Date and Time are java.util.Dates too, but bind as they always have.
        || (value != null && value.getClass() == Date.class);
  }

  private static Timestamp timestamp(Object value, int parameter) throws SQLDataException {
    Instant instant;
    if (value instanceof LocalDateTime local) {
      instant = local.toInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDate date) {
      instant = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (value instanceof OffsetDateTime offset) {
      instant = offset.toInstant();
    } else if (value instanceof ZonedDateTime zoned) {
      instant = zoned.toInstant();
    } else if (value instanceof Date date) {
      instant = date.toInstant();
    } else {
      instant = (Instant) value;
    }
    try {
      return Timestamp.from(instant);
    } catch (IllegalArgumentException tooFar) {
      throw DataConversions.outOfRange(
          value.getClass().getName(),
          value,
          target(Types.TIMESTAMP, parameter),
          "an instant within java.sql.Timestamp's range");
    }
  }

  private static double approximate(String text, String to) throws SQLDataException {
    String from = String.class.getName();
    double number = DataConversions.decimal(from, text, to).doubleValue();
    if (Double.isInfinite(number)) {
      throw DataConversions.outOfRange(from, text, to, "a number within DOUBLE's range");
    }
    return number;
  }

  private static String target(int sqlType, int parameter) {
    return DataConversions.typeName(sqlType) + " (parameter " + parameter + ")";
  }
}
