package io.github.wandbjdbc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell with stdin not a terminal: each statement, ended by {@code ;}, prints the CSV that
 * {@code -e} prints, results separated by an empty line. A line {@code !quit} ends the input; other
 * sqlline commands need the interactive shell.
 */
final class PipedStatements {
  private PipedStatements() {}

  /** Runs every statement, going on after a failed one; 1 when any failed, else 0. */
  static int run(Connection connection, BufferedReader in, PrintStream out, PrintStream err)
      throws IOException {
    int status = 0;
    boolean first = true;
    for (String sql : statements(in)) {
      if (sql.startsWith("!")) {
        err.println("error: " + sql + ": sqlline commands need a terminal; pipe SQL only");
        status = 1;
        continue;
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(sql)) {
        if (!first) {
          out.println();
        }
        first = false;
        CsvWriter.write(rs, out);
      } catch (SQLException e) {
        err.println(WandbSql.errorLine(e));
        status = 1;
      }
    }
    return status;
  }

  /**
   * The statements: text up to a {@code ;} outside quotes and comments, and sqlline's {@code !}
   * lines between statements; reading stops at {@code !quit} or {@code !exit}.
   */
  static List<String> statements(BufferedReader in) throws IOException {
    List<String> statements = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    char quote = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (quote == 0 && sql.toString().isBlank() && line.strip().startsWith("!")) {
        String command = line.strip();
        if (command.equals("!quit") || command.equals("!exit") || command.equals("!q")) {
          break;
        }
        statements.add(command);
        continue;
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '-' && line.startsWith("--", i)) {
          break;
        } else if (c == ';') {
          addIfAny(statements, sql);
          continue;
        }
        sql.append(c);
      }
      sql.append('\n');
    }
    addIfAny(statements, sql);
    return statements;
  }

  private static void addIfAny(List<String> statements, StringBuilder sql) {
    if (!sql.toString().isBlank()) {
      statements.add(sql.toString().strip());
    }
    sql.setLength(0);
  }
}
