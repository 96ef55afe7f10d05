package io.github.wandbjdbc.cli;

import io.github.wandbjdbc.jdbc.WandbDriver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/** The interactive shell: sqlline, connected through the driver, reading from stdin. */
final class SqlLineShell {
  private SqlLineShell() {}

  /** Runs until the user quits or stdin ends; returns the exit status. */
  static int open(Login login) throws IOException {
    // Where jline cannot drive the terminal (stdin piped; Windows, where it needs the JNA or Jansi
    // back-ends the jar leaves out) it is to read plain lines, without a warning.
    System.getProperties().putIfAbsent("org.jline.terminal.dumb", "true");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-u",
                login.url(),
                "-n",
                "",
                "-p",
                login.apiKey(),
                "-d",
                WandbDriver.class.getName()));
    if (System.console() == null) {
      // Without a terminal sqlline's table format prints empty cells.
      args.add("--outputformat=csv");
    }
    // begin, not SqlLine.main: main ends the JVM itself.
    SqlLine.Status status = new SqlLine().begin(args.toArray(String[]::new), null, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }
}
