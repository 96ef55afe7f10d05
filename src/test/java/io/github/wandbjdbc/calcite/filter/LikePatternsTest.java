package io.github.wandbjdbc.calcite.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.SqlFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternsTest {
  private static final String ONE_CHAR = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";

  @ParameterizedTest(name = "{0} escape {1}")
  @CsvSource(
      delimiter = ';',
      nullValues = "NULL",
      value = {
        "abc;NULL;(?s)^abc\\z",
        "%;NULL;(?s)^.*\\z",
        ";NULL;(?s)^\\z",
        "a\\b;NULL;(?s)^a\\\\b\\z",
        ".+*?();NULL;(?s)^\\.\\+\\*\\?\\(\\)\\z",
        "[]{}^$|;NULL;(?s)^\\[\\]\\{\\}\\^\\$\\|\\z",
        "#-/ :;NULL;(?s)^#-/ :\\z",
        "a!%!_!!;!;(?s)^a%_!\\z",
        "a\\%;\\;(?s)^a%\\z"
      })
  void translates(String pattern, String escape, String regex) {
    assertEquals(regex, LikePatterns.toRegex(pattern == null ? "" : pattern, escape));
  }

  @Test
  void underscoreIsOneCharacterButNotALineBreak() {
    assertEquals("(?s)^a" + ONE_CHAR + "\\z", LikePatterns.toRegex("a_", null));
  }

  @ParameterizedTest(name = "{0} escape {1}")
  @CsvSource(
      delimiter = '|',
      value = {"a!b|!", "a!|!", "ab|xy", "a%%|%", "a__|_"})
  void rejectsWhatCalciteRejects(String pattern, String escape) {
    assertNull(LikePatterns.toRegex(pattern, escape));
  }

  /**
   * Every short string over an alphabet of wildcards, escapes, metacharacters and line breaks: the
   * regex matches exactly when Calcite's LIKE does, and is null exactly when Calcite throws.
   */
  @Test
  void agreesWithCalcitesLikeOnEveryShortString() {
    List<String> values = words("a!%_.\\\n\r\u2028", 3);
    SqlFunctions.LikeFunction calcite = new SqlFunctions.LikeFunction();
    int compared = 0;
    for (String escape : new String[] {null, "!"}) {
      for (String pattern : words("a%_!.\n", 3)) {
        String regex = LikePatterns.toRegex(pattern, escape);
        Pattern compiled = regex == null ? null : Pattern.compile(regex);
        for (String value : values) {
          Boolean expected;
          try {
            expected =
                escape == null
                    ? calcite.like(value, pattern)
                    : calcite.like(value, pattern, escape);
          } catch (RuntimeException invalid) {
            expected = null;
          }
          Boolean actual = compiled == null ? null : compiled.matcher(value).find();
          assertEquals(
              expected, actual, () -> "'" + value + "' LIKE '" + pattern + "' ESCAPE " + escape);
          compared++;
        }
      }
    }
    assertEquals(2 * 259 * 820, compared);
  }

  private static List<String> words(String alphabet, int maxLength) {
    List<String> words = new ArrayList<>(List.of(""));
    List<String> previous = List.of("");
    for (int length = 1; length <= maxLength; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : previous) {
        for (char c : alphabet.toCharArray()) {
          next.add(prefix + c);
        }
      }
      words.addAll(next);
      previous = next;
    }
    return words;
  }
}
