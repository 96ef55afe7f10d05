package io.github.wandbjdbc.jdbc;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Makes UTF-8 Calcite's character set for SQL text. Calcite gives character literals and columns
 * its default character set, ISO-8859-1 unless configured, so {@code '실험-1'}, {@code N'🚀'} or a
 * LIKE pattern in Greek fail ("Failed to encode … in character set ISO-8859-1"), while W&B names
 * runs, tags and projects in any language.
 *
 * <p>Calcite reads these settings as it reads the compiled-code cache size ({@link
 * CompiledCodeCache}): from system properties, once, when its {@code CalciteSystemProperty} class
 * initialises; it also accepts the deprecated {@code saffron.} spellings. A collation names its
 * character set, so the three settings must agree: the driver sets all of them, and only when the
 * user has set none.
 */
final class UnicodeCharset {
  /** Calcite's settings, without their {@code calcite.} prefix, and the driver's values. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "default.charset", "UTF-8",
          "default.nationalcharset", "UTF-8",
          "default.collation.name", "UTF-8$en_US");

  /** Prefixes under which Calcite reads a setting. */
  private static final List<String> PREFIXES = List.of("calcite.", "saffron.", "net.sf.saffron.");

  private UnicodeCharset() {}

  static void useUnlessConfigured() {
    try {
      useUnlessConfigured(System.getProperties());
    } catch (SecurityException e) {
      // A security manager forbids it: Calcite keeps ISO-8859-1 for SQL text.
    }
  }

  static void useUnlessConfigured(Properties systemProperties) {
    for (String setting : SETTINGS.keySet()) {
      for (String prefix : PREFIXES) {
        if (systemProperties.getProperty(prefix + setting) != null) {
          return;
        }
      }
    }
    SETTINGS.forEach((setting, value) -> systemProperties.setProperty("calcite." + setting, value));
  }
}
