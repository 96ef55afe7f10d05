package io.github.wandbjdbc.tools;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/wandb-sql}: runs SQL through the driver, against the bundled emulator ({@code --demo})
 * or any {@code jdbc:wandb:} URL. With {@code -e} it prints CSV; without, it opens sqlline.
 */
public final class WandbSql {
  static final String USAGE = String.join("\n",
      "usage: bin/wandb-sql (--demo | --url JDBC_URL) [-e SQL]",
      "  --demo        query an embedded W&B emulator serving the demo project (no account needed)",
      "  --url URL     query any W&B server, e.g. jdbc:wandb:entity=acme;project=mnist",
      "                (API key: apiKey=... in the URL, env WANDB_API_KEY, or ~/.netrc)",
      "  -e SQL        run one statement and print the result as CSV with a header row;",
      "                without -e an interactive sqlline session opens");

  private WandbSql() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
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
    if (parsed.demo()) {
      try (WandbEmulator emulator = WandbEmulator.start(EmulatorConfig.defaults(),
          DatasetGenerator.generate(GeneratorSpec.defaults(42)))) {
        return execute(emulator.jdbcUrl("demo"), parsed.sql(), out, err);
      }
    }
    return execute(parsed.url(), parsed.sql(), out, err);
  }

  private static int execute(String url, String sql, PrintStream out, PrintStream err)
      throws Exception {
    if (sql == null) {
      List<String> sqllineArgs = new ArrayList<>(List.of("-u", url, "-n", "", "-p", "",
          "-d", "io.github.wandbjdbc.jdbc.WandbDriver"));
      if (System.console() == null) {
        // Without a terminal sqlline's table format prints empty cells.
        sqllineArgs.add("--outputformat=csv");
      }
      sqlline.SqlLine.main(sqllineArgs.toArray(String[]::new));
      return 0;
    }
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      CsvWriter.write(rs, out);
      return 0;
    } catch (SQLException e) {
      err.println("error: " + e.getMessage());
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        err.println("caused by: " + cause.getMessage());
      }
      return 1;
    }
  }

  /** The command line, checked. */
  record Arguments(boolean demo, String url, String sql, boolean help) {
    static Arguments parse(String[] args) {
      boolean demo = false;
      boolean help = false;
      String url = null;
      String sql = null;
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--demo" -> demo = true;
          case "--help", "-h" -> help = true;
          case "--url" -> url = value(arg, rest);
          case "-e" -> sql = value(arg, rest);
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      if (!help && demo == (url != null)) {
        throw new IllegalArgumentException("give exactly one of --demo and --url");
      }
      return new Arguments(demo, url, sql, help);
    }

    private static String value(String flag, List<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return rest.remove(0);
    }
  }
}
