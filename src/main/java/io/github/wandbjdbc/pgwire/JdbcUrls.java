package io.github.wandbjdbc.pgwire;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads and trims the {@code key=value;...} part of a {@code jdbc:wandb:} URL. */
final class JdbcUrls {
  private static final String PREFIX = "jdbc:wandb:";

  private JdbcUrls() {}

  /** The value of {@code key} (case-insensitive; {@code apiKey} also matches password), or null. */
  static String value(String url, String key) {
    for (String part : body(url).split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && matches(part.substring(0, eq).strip(), key)) {
        return part.substring(eq + 1).strip();
      }
    }
    return null;
  }

  /** The URL without its {@code apiKey} / {@code password} pairs. */
  static String withoutSecrets(String url) {
    String kept =
        Arrays.stream(body(url).split(";"))
            .filter(p -> !p.isBlank())
            .filter(
                p ->
                    p.indexOf('=') <= 0
                        || !matches(p.substring(0, p.indexOf('=')).strip(), "apiKey"))
            .collect(Collectors.joining(";"));
    return PREFIX + kept;
  }

  private static boolean matches(String name, String key) {
    String n = name.toLowerCase(Locale.ROOT);
    String k = key.toLowerCase(Locale.ROOT);
    return n.equals(k) || (k.equals("apikey") && n.equals("password"));
  }

  private static String body(String url) {
    if (!url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new IllegalArgumentException("not a jdbc:wandb: URL");
    }
    return url.substring(PREFIX.length());
  }
}
