package io.github.wandbjdbc.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * A parser error in a line: what was found where, and the first few tokens the parser expected.
 * Calcite's own message lists every expected token, one per line, often forty of them.
 */
final class ParseErrorMessage {
  private static final int MAX_EXPECTED = 8;
  private static final String EXPECTING = "Was expecting";

  private ParseErrorMessage() {}

  static String of(SqlParseException e) {
    String message = e.getMessage() == null ? "Syntax error" : e.getMessage();
    String[] lines = message.split("\\R");
    String problem = lines[0].strip();
    if (e.getPos() != null && e.getPos().getLineNum() > 0 && !problem.contains(" line ")) {
      problem += " at line " + e.getPos().getLineNum() + ", column " + e.getPos().getColumnNum();
    }
    List<String> expected = new ArrayList<>();
    int more = 0;
    boolean listing = false;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith(EXPECTING)) {
        listing = true;
      } else if (listing && !line.isEmpty()) {
        if (expected.size() < MAX_EXPECTED) {
          expected.add(line.endsWith("...") ? line.substring(0, line.length() - 3).strip() : line);
        } else {
          more++;
        }
      }
    }
    if (expected.isEmpty()) {
      return SqlFailures.bounded(problem);
    }
    String list = String.join(", ", expected) + (more > 0 ? " or " + more + " more" : "");
    return SqlFailures.bounded(
        problem + (problem.endsWith(".") ? "" : ".") + " Expected one of: " + list);
  }
}
