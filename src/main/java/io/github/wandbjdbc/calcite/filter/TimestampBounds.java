package io.github.wandbjdbc.calcite.filter;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Timestamp operands for W&B filters. W&B compares {@code created_at} as ISO text {@code
 * yyyy-MM-ddTHH:mm:ss} (UTC, no offset) at whole-second precision (unverified), so every bound is
 * rounded outwards to a whole second and widened by one more second: the pushed range then contains
 * every row SQL selects whatever W&B does with fractions of a second.
 */
final class TimestampBounds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
  // Four-digit years keep text order equal to time order; bounds outside are clamped.
  private static final long MIN_SECOND =
      LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long MAX_SECOND =
      LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

  private TimestampBounds() {}

  /**
   * The widened bound for a SQL timestamp: a negative shift makes a lower bound (rounded down, then
   * shifted), a positive shift an upper bound (rounded up, then shifted).
   *
   * @param epochMillis Calcite's TIMESTAMP value: milliseconds of the UTC wall-clock time
   */
  static String bound(long epochMillis, int shiftSeconds) {
    if (shiftSeconds == 0) {
      throw new IllegalArgumentException("a timestamp bound needs a non-zero shift");
    }
    long second =
        shiftSeconds < 0 ? Math.floorDiv(epochMillis, 1000L) : -Math.floorDiv(-epochMillis, 1000L);
    long shifted = Math.max(MIN_SECOND, Math.min(MAX_SECOND, second + shiftSeconds));
    return FORMAT.format(LocalDateTime.ofEpochSecond(shifted, 0, ZoneOffset.UTC));
  }

  /**
   * Calcite's representation of a TIMESTAMP value: a {@link Number} is already epoch millis of the
   * wall-clock time; a {@link Timestamp} is read by its wall-clock fields, as Calcite reads one.
   * Anything else is null.
   */
  static Long epochMillis(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    return null;
  }
}
