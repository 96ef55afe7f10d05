package io.github.wandbjdbc.calcite.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.SqlFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternsTest {
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
    LikePatterns.Regex translated = LikePatterns.toRegex(pattern == null ? "" : pattern, escape);
    assertEquals(regex, translated.text());
    assertTrue(translated.exact());
  }

  /**
   * {@code _} is any one character, line breaks included, in the syntax RE2, ICU and PCRE share;
   * Calcite's {@code _} excludes line terminators, so the regex is marked wider than the LIKE.
   */
  @Test
  void underscoreIsAnyOneCharacterAndMakesTheRegexWider() {
    LikePatterns.Regex regex = LikePatterns.toRegex("a_", null);
    assertEquals("(?s)^a.\\z", regex.text());
    assertFalse(regex.exact());
    assertTrue(LikePatterns.toRegex("a!_", "!").exact());
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
   * regex matches whenever Calcite's LIKE does, and only then unless it is marked wider than the
   * LIKE and the value holds a line terminator; it is null exactly when Calcite throws.
   */
  @Test
  void agreesWithCalcitesLikeOnEveryShortString() {
    List<String> values = words("a!%_.\\\n\r\u2028\u0085", 3);
    SqlFunctions.LikeFunction calcite = new SqlFunctions.LikeFunction();
    int compared = 0;
    int wider = 0;
    for (String escape : new String[] {null, "!"}) {
      for (String pattern : words("a%_!.\n", 3)) {
        LikePatterns.Regex regex = LikePatterns.toRegex(pattern, escape);
        Pattern compiled = regex == null ? null : Pattern.compile(regex.text());
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
          String what = "'" + value + "' LIKE '" + pattern + "' ESCAPE " + escape;
          if (Boolean.FALSE.equals(expected) && Boolean.TRUE.equals(actual)) {
            assertFalse(regex.exact(), what);
            assertTrue(value.chars().anyMatch(LikePatternsTest::isLineTerminator), what);
            wider++;
          } else {
            assertEquals(expected, actual, what);
          }
          compared++;
        }
      }
    }
    assertEquals(2 * 259 * 1111, compared);
    assertTrue(wider > 0);
  }

  private static boolean isLineTerminator(int c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
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
