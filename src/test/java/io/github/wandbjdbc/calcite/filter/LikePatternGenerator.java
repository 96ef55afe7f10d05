package io.github.wandbjdbc.calcite.filter;

import java.util.Random;

/**
 * LIKE patterns built from real values, so that many match: a window of the value with some code
 * points turned into {@code _}, some runs into {@code %}, and regex metacharacters put in or in
 * place of a character (they must stay literal once the pattern becomes a regex). With an ESCAPE
 * character, the value's own {@code %}, {@code _} and escape characters are escaped; without one
 * they act as wildcards, as SQL says. Every pattern is valid for its ESCAPE, and its text is
 * ISO-8859-1 (a code point beyond becomes {@code _}) so that it can be written as a literal.
 */
public final class LikePatternGenerator {
  /** Regex metacharacters; the dot, which is a valid regex on its own, weighs the most. */
  private static final String METACHARACTERS = "....*+?()[]{}|^$\\";

  private static final String ESCAPES = "\\!#^$|*.[";

  /** A pattern and the ESCAPE character it was written for, or null for none. */
  public record Like(String pattern, Character escape) {}

  private final Random random;

  public LikePatternGenerator(Random random) {
    this.random = random;
  }

  public Like like(String value) {
    Character escape =
        random.nextInt(5) < 2 ? ESCAPES.charAt(random.nextInt(ESCAPES.length())) : null;
    int[] codePoints = value.codePoints().toArray();
    boolean exact = random.nextInt(5) == 0;
    int from = exact || codePoints.length == 0 ? 0 : random.nextInt(codePoints.length);
    int to =
        exact || from == codePoints.length
            ? codePoints.length
            : from + 1 + random.nextInt(codePoints.length - from);
    StringBuilder pattern = new StringBuilder();
    if (!exact && (from > 0 || random.nextInt(4) == 0)) {
      pattern.append('%');
    }
    for (int i = from; i < to; i++) {
      int c = codePoints[i];
      int roll = exact ? 100 : random.nextInt(100);
      if (roll < 10 || c >= 256) {
        pattern.append('_');
      } else if (roll < 15) {
        pattern.append('%');
        i += random.nextInt(3);
      } else if (roll < 30) {
        // In place of the value's character, or before it: where the value has another
        // character, only a regex that keeps the metacharacter literal tells them apart.
        literal(pattern, METACHARACTERS.charAt(random.nextInt(METACHARACTERS.length())), escape);
        if (roll < 20) {
          literal(pattern, (char) c, escape);
        }
      } else {
        literal(pattern, (char) c, escape);
      }
    }
    if (!exact && (to < codePoints.length || random.nextInt(4) == 0)) {
      pattern.append('%');
    }
    return new Like(pattern.toString(), escape);
  }

  private static void literal(StringBuilder pattern, char c, Character escape) {
    if (escape != null && (c == '%' || c == '_' || c == escape)) {
      pattern.append(escape.charValue());
    }
    pattern.append(c);
  }
}
