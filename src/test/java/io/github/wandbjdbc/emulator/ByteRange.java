package io.github.wandbjdbc.emulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One inclusive byte range of a file, from a {@code Range} header as cloud storage reads it: {@code
 * bytes=a-b}, {@code bytes=a-} and the suffix {@code bytes=-n}; anything else (several ranges,
 * other units, bad syntax) is ignored and the whole file served.
 */
record ByteRange(long first, long last) {
  /** A range that starts past the end of the file: answered with 416. */
  static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  /** The range to serve, or empty to serve the whole file. */
  static Optional<ByteRange> parse(String header, long length) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = SINGLE.matcher(header.trim());
    if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
      return Optional.empty();
    }
    if (matcher.group(1).isEmpty()) {
      long suffix = Long.parseLong(matcher.group(2));
      return Optional.of(
          suffix == 0 || length == 0
              ? UNSATISFIABLE
              : new ByteRange(Math.max(0, length - suffix), length - 1));
    }
    long first = Long.parseLong(matcher.group(1));
    long last = matcher.group(2).isEmpty() ? length - 1 : Long.parseLong(matcher.group(2));
    if (last < first) {
      return first >= length ? Optional.of(UNSATISFIABLE) : Optional.empty();
    }
    return Optional.of(
        first >= length ? UNSATISFIABLE : new ByteRange(first, Math.min(last, length - 1)));
  }

  boolean satisfiable() {
    return first >= 0;
  }

  int length() {
    return (int) (last - first + 1);
  }
}
