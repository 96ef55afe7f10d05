package io.github.wandbjdbc.emulator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as W&B's filters see them. A run's {@code createdAt}/{@code heartbeatAt} is the
 * GraphQL {@code DateTime} text {@code yyyy-MM-ddTHH:mm:ss} (UTC, whole seconds). A filter operand
 * is read as an instant when it is an ISO-8601 date or date-time: {@code 2026-05-01}, {@code
 * 2026-05-01T13}, {@code 2026-05-01T13:05}, {@code ...:07}, {@code ...:07.250}, each optionally
 * followed (when a time is present) by {@code Z} or an offset {@code +02:00}, {@code +0200}, {@code
 * +02}; no offset means UTC.
 */
final class IsoTimestamps {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
              + "(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private IsoTimestamps() {}

  /** The {@code DateTime} text of an instant, truncated to the second. */
  static String format(Instant instant) {
    return DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Reads back text produced by {@link #format}. */
  static Instant parseDateTime(String text) {
    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
  }

  /** The instant an operand denotes, or empty when it is not an ISO date or date-time. */
  static Optional<Instant> parseOperand(String text) {
    Matcher m = ISO.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              intOrZero(m.group(4)),
              intOrZero(m.group(5)),
              intOrZero(m.group(6)),
              nanos(m.group(7)));
      return Optional.of(local.toInstant(offset(m.group(8))));
    } catch (DateTimeException e) {
      // Shaped like a date but not one (month 13, hour 25): compared as a plain string.
      return Optional.empty();
    }
  }

  private static int intOrZero(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Integer.parseInt((fraction + "00000000").substring(0, 9));
  }

  private static ZoneOffset offset(String text) {
    if (text == null || text.equals("Z")) {
      return ZoneOffset.UTC;
    }
    String digits = text.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
    int sign = text.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
