package io.github.wandbjdbc.cli;

import io.github.wandbjdbc.jdbc.StatementCost;
import io.github.wandbjdbc.mcp.McpServeCommand;
import io.github.wandbjdbc.pgwire.PgServeCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code java -jar wandb-jdbc-<version>-driver.jar --url JDBC_URL [-e SQL]}: with {@code -e} runs
 * one statement and prints the result as CSV; without, opens an interactive sqlline shell. Exit
 * status: 0 done, 1 the query or connection failed, 2 bad arguments.
 */
public final class WandbSql {
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar wandb-jdbc-<version>-driver.jar --url JDBC_URL [-e SQL [--stats]]",
          "       java -jar wandb-jdbc-<version>-driver.jar --serve-pg --url JDBC_URL [--port N]"
              + " [--bind ADDR] [--pg-password-env VAR]",
          "       [--tls-cert FILE --tls-key FILE] [--allow-cleartext-keys]",
          "       java -jar wandb-jdbc-<version>-driver.jar --serve-mcp --url JDBC_URL [--port N"
              + " [--bind ADDR] [--mcp-token-env VAR]]",
          "  --url URL     query a W&B server, e.g. jdbc:wandb:entity=acme;project=mnist",
          "                (API key: apiKey=... in the URL, env WANDB_API_KEY, or ~/.netrc)",
          "  -e SQL        run one statement and print the result as CSV with a header row;",
          "                without -e an interactive sqlline session opens",
          "  --stats       with -e: print the W&B requests and bytes the statement spent on stderr",
          PgServeCommand.USAGE,
          McpServeCommand.USAGE);

  private WandbSql() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (List.of(args).contains("--serve-pg")) {
      try {
        return PgServeCommand.serve(PgServeCommand.parse(List.of(args)), List.of(), out, err);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        err.println(USAGE);
        return 2;
      }
    }
    if (List.of(args).contains("--serve-mcp")) {
      McpServeCommand.Options options;
      try {
        options = McpServeCommand.parse(List.of(args));
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        err.println(USAGE);
        return 2;
      }
      return McpServeCommand.serve(options, List.of(), System.in, out, err);
    }
    Arguments parsed;
    try {
      parsed = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (parsed.help()) {
      out.println(USAGE);
      return 0;
    }
    return execute(parsed.url(), parsed.sql(), parsed.stats() ? err : null, out, err);
  }

  /**
   * Prints the result of {@code sql} as CSV, or with no SQL opens the shell; returns the exit
   * status. An error is one line on {@code err}: the driver's message already states the problem
   * (without the key), and its causes would only repeat it.
   */
  public static int execute(String url, String sql, PrintStream out, PrintStream err)
      throws IOException {
    return execute(url, sql, null, out, err);
  }

  /** As {@link #execute(String, String, PrintStream, PrintStream)}; {@code stats} gets the cost. */
  public static int execute(
      String url, String sql, PrintStream stats, PrintStream out, PrintStream err)
      throws IOException {
    try {
      Login login = Login.of(url);
      if (sql == null) {
        return SqlLineShell.open(login, out, err);
      }
      try (Connection connection = DriverManager.getConnection(login.url(), login.properties());
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(sql)) {
        CsvWriter.write(rs, out);
        if (stats != null) {
          StatementCost cost = statement.unwrap(StatementCost.class);
          stats.println(
              "W&B: " + cost.requests() + " requests, " + cost.bytes() + " bytes received");
        }
        return 0;
      }
    } catch (SQLException e) {
      err.println(errorLine(e));
      return 1;
    }
  }

  static String errorLine(SQLException e) {
    String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
    return "error: "
        + message
        + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]");
  }

  /** The command line, checked. */
  record Arguments(String url, String sql, boolean help, boolean stats) {
    static Arguments parse(String[] args) {
      String url = null;
      String sql = null;
      boolean help = false;
      boolean stats = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> help = true;
          case "--url" -> url = value(args, ++i);
          case "-e" -> sql = value(args, ++i);
          case "--stats" -> stats = true;
          // A stray value is not echoed: it may be a URL holding the API key.
          default ->
              throw new IllegalArgumentException(
                  args[i].startsWith("-")
                      ? "unknown option: " + args[i]
                      : "argument " + (i + 1) + " is not an option");
        }
      }
      if (!help && url == null) {
        throw new IllegalArgumentException("--url is required");
      }
      return new Arguments(url, sql, help, stats);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }
}
