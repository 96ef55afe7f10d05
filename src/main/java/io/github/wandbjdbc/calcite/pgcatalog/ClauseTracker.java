package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Which clause a position of a statement's text is in, per parenthesis level, as {@link PgSyntax}
 * reads it left to right: enough to tell a select list from a FROM clause.
 */
final class ClauseTracker {
  private static final Set<String> OTHER_CLAUSES =
      Set.of("from", "join", "where", "group", "having", "order", "limit", "on", "union");

  /** Per open parenthesis: whether its text is now a select list. */
  private final Deque<Boolean> selectList = new ArrayDeque<>();

  ClauseTracker() {
    selectList.push(false);
  }

  /** Reads the character or keyword starting at {@code i}; call once per position, in order. */
  void read(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '(') {
      selectList.push(false);
    } else if (c == ')') {
      if (selectList.size() > 1) {
        selectList.pop();
      }
    } else if (Character.isLetter(c) && PgSyntax.startsWord(sql, i)) {
      int end = i;
      while (end < sql.length() && PgSyntax.isWordChar(sql.charAt(end))) {
        end++;
      }
      String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
      if (word.equals("select")) {
        selectList.pop();
        selectList.push(true);
      } else if (OTHER_CLAUSES.contains(word)) {
        selectList.pop();
        selectList.push(false);
      }
    }
  }

  boolean inSelectList() {
    return selectList.peek();
  }
}
