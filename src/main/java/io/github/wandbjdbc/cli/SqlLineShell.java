package io.github.wandbjdbc.cli;

import io.github.wandbjdbc.jdbc.WandbDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import sqlline.SqlLine;

/** The interactive shell: sqlline, connected through the driver; with stdin piped, its CSV. */
final class SqlLineShell {
  private SqlLineShell() {}

  /** Runs until the user quits or stdin ends; returns the exit status. */
  static int open(Login login, PrintStream out, PrintStream err) throws IOException, SQLException {
    if (System.console() == null) {
      try (Connection connection = DriverManager.getConnection(login.url(), login.properties())) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return PipedStatements.run(connection, in, out, err);
      }
    }
    // Windows, where jline needs the JNA or Jansi back-ends the jar leaves out: plain lines.
    System.getProperties().putIfAbsent("org.jline.terminal.dumb", "true");
    Path history = ShellHistory.create(ShellHistory.file(System.getenv()));
    // begin, not SqlLine.main: main ends the JVM itself.
    SqlLine.Status status = new SqlLine().begin(arguments(login, history), null, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }

  /**
   * sqlline's command line. It asks a new connection for REPEATABLE READ and read-write, and prints
   * a stack trace when refused; the driver is read-only without transactions, so it is asked for
   * what it has.
   */
  static String[] arguments(Login login, Path history) {
    return List.of(
            "-u",
            login.url(),
            "-n",
            "",
            "-p",
            login.apiKey(),
            "-d",
            WandbDriver.class.getName(),
            "--isolation=TRANSACTION_NONE",
            "--readOnly=true",
            "--historyFile=" + history)
        .toArray(String[]::new);
  }
}
