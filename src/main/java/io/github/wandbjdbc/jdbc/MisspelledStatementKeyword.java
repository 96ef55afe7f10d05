package io.github.wandbjdbc.jdbc;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;

/**
 * Names the keyword a statement's misspelled first word stands for. Calcite reads {@code SELEC 1}
 * as an expression where a statement belongs and says only "Non-query expression encountered in
 * illegal context".
 */
final class MisspelledStatementKeyword {
  private static final List<String> KEYWORDS = List.of("SELECT", "WITH", "VALUES", "EXPLAIN");

  /** Edits that still make a typo rather than another word: SET is not SELECT. */
  private static final int MAX_EDITS = 2;

  private MisspelledStatementKeyword() {}

  static void check(String sql) throws SQLException {
    String word = ReadOnlySql.firstWord(sql);
    if (word.length() < 3 || KEYWORDS.contains(word)) {
      return;
    }
    for (String keyword : KEYWORDS) {
      if (editDistance(word, keyword) <= MAX_EDITS) {
        int start = ReadOnlySql.firstWordStart(sql);
        int line = 1 + (int) sql.substring(0, start).chars().filter(c -> c == '\n').count();
        int column = start - sql.lastIndexOf('\n', start - 1);
        throw new SQLSyntaxErrorException(
            "Expected "
                + keyword
                + " at line "
                + line
                + ", column "
                + column
                + ", found \""
                + sql.substring(start, start + word.length())
                + "\". A statement starts with "
                + String.join(", ", KEYWORDS)
                + ".",
            SqlFailures.SYNTAX_ERROR);
      }
    }
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
