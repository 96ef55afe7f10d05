package io.github.wandbjdbc.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, before Calcite sees them, statements that would change data or schema. Without this a
 * DELETE fails with a planner dump, an INSERT with a NOT NULL complaint and a CREATE with a syntax
 * error, none of which says that W&B data is read-only here.
 */
final class ReadOnlySql {
  /** SQLState 25006: read-only SQL transaction. */
  static final String SQL_STATE = "25006";

  private static final Set<String> WRITES =
      Set.of(
          "INSERT",
          "UPDATE",
          "DELETE",
          "MERGE",
          "UPSERT",
          "REPLACE",
          "CREATE",
          "DROP",
          "ALTER",
          "TRUNCATE",
          "GRANT",
          "REVOKE");

  private ReadOnlySql() {}

  static void check(String sql) throws SQLException {
    String keyword = firstWord(sql);
    if (WRITES.contains(keyword)) {
      throw new SQLNonTransientException(
          "wandb-jdbc is read-only: "
              + keyword
              + " is not supported. W&B data can only be queried (SELECT, WITH, VALUES, EXPLAIN).",
          SQL_STATE);
    }
  }

  /** The statement's first word in upper case, after blanks, comments and opening parentheses. */
  static String firstWord(String sql) {
    if (sql == null) {
      return "";
    }
    int start = firstWordStart(sql);
    int i = start;
    while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  /** Where the first word starts: after blanks, comments and opening parentheses. */
  static int firstWordStart(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    return i;
  }
}
