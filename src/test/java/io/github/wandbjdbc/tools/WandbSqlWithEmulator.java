package io.github.wandbjdbc.tools;

import io.github.wandbjdbc.cli.WandbSql;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.ExportMode;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import io.github.wandbjdbc.mcp.McpServeCommand;
import io.github.wandbjdbc.pgwire.PgServeCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/wandb-sql}: the driver's command line ({@link WandbSql}) plus what needs the test-side
 * emulator: {@code --demo} starts one and hands its URL to the command line, {@code --serve} serves
 * one for other JDBC clients.
 */
public final class WandbSqlWithEmulator {
  /** The demo server: finished runs' histories exported to parquet files, as on W&B's cloud. */
  private static final EmulatorConfig DEMO =
      EmulatorConfig.defaults().withExports(ExportMode.FINISHED);

  static final String USAGE =
      String.join(
          "\n",
          "usage: bin/wandb-sql (--demo | --url JDBC_URL) [-e SQL [--stats]]",
          "       bin/wandb-sql --serve [--port N]",
          "       bin/wandb-sql --serve-pg (--demo | --url JDBC_URL) [--port N] [--bind ADDR]",
          "       bin/wandb-sql --serve-mcp (--demo | --url JDBC_URL) [--port N [--bind ADDR]]",
          "  --demo        query an embedded W&B emulator serving the demo project (no account needed)",
          "  --serve       serve the demo emulator on 127.0.0.1 until Ctrl-C and print the JDBC URL",
          "                to paste into DBeaver or any JDBC client; --port N (default "
              + Arguments.DEFAULT_PORT
              + ", 0: any free port)",
          "  --url URL     query any W&B server, e.g. jdbc:wandb:entity=acme;project=mnist",
          "                (API key: apiKey=... in the URL, env WANDB_API_KEY, or ~/.netrc)",
          "  -e SQL        run one statement and print the result as CSV with a header row;",
          "                without -e an interactive sqlline session opens",
          "  --stats       with -e: print the W&B requests and bytes the statement spent on stderr",
          PgServeCommand.USAGE,
          McpServeCommand.USAGE);

  private WandbSqlWithEmulator() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (List.of(args).contains("--serve-pg")) {
      return servePg(args, out, err);
    }
    if (List.of(args).contains("--serve-mcp")) {
      return serveMcp(args, out, err);
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
    if (parsed.serve()) {
      return serve(parsed.port(), out);
    }
    if (parsed.demo()) {
      try (WandbEmulator emulator =
          WandbEmulator.start(DEMO, DatasetGenerator.generate(GeneratorSpec.defaults(42)))) {
        return WandbSql.execute(
            emulator.jdbcUrl("demo"), parsed.sql(), stats(parsed, err), out, err);
      }
    }
    return WandbSql.execute(parsed.url(), parsed.sql(), stats(parsed, err), out, err);
  }

  private static PrintStream stats(Arguments parsed, PrintStream err) {
    return parsed.stats() ? err : null;
  }

  /**
   * {@code --serve-pg (--demo | --url URL) [options]}: the PostgreSQL endpoint, over a demo
   * emulator with {@code --demo}; its API key is then the PG password, printed on the second line.
   */
  private static int servePg(String[] args, PrintStream out, PrintStream err) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    if (!rest.remove("--demo")) {
      return WandbSql.run(args, out, err);
    }
    try (WandbEmulator emulator =
        WandbEmulator.start(DEMO, DatasetGenerator.generate(GeneratorSpec.defaults(42)))) {
      String url = emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), "");
      rest.addAll(List.of("--url", url));
      PgServeCommand.Options options;
      try {
        options = PgServeCommand.parse(rest);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        err.println(USAGE);
        return 2;
      }
      return PgServeCommand.serve(
          options,
          List.of("password (the demo emulator's API key): " + emulator.apiKey()),
          out,
          err);
    }
  }

  /**
   * {@code --serve-mcp (--demo | --url URL) [options]}: the MCP server, over a demo emulator with
   * {@code --demo}. Over HTTP the emulator's API key is the bearer token, printed after the URL; on
   * stdio nothing but protocol goes to stdout, and the key is not needed.
   */
  private static int serveMcp(String[] args, PrintStream out, PrintStream err) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    if (!rest.remove("--demo")) {
      return WandbSql.run(args, out, err);
    }
    boolean http = rest.contains("--port");
    boolean sharedToken = rest.contains("--mcp-token-env");
    try (WandbEmulator emulator =
        WandbEmulator.start(DEMO, DatasetGenerator.generate(GeneratorSpec.defaults(42)))) {
      String url = emulator.jdbcUrl("demo");
      if (http && !sharedToken) {
        url = url.replace(";apiKey=" + emulator.apiKey(), "");
      }
      rest.addAll(List.of("--url", url));
      McpServeCommand.Options options;
      try {
        options = McpServeCommand.parse(rest);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        err.println(USAGE);
        return 2;
      }
      List<String> notes =
          http && !sharedToken
              ? List.of("bearer token (the demo emulator's API key): " + emulator.apiKey())
              : List.of("over the demo emulator");
      return McpServeCommand.serve(options, notes, System.in, out, err);
    }
  }

  /** Serves the demo emulator until the thread is interrupted or the process is stopped. */
  private static int serve(int port, PrintStream out) {
    try (WandbEmulator emulator =
        WandbEmulator.start(
            DEMO.withPort(port), DatasetGenerator.generate(GeneratorSpec.defaults(42)))) {
      out.println(
          "W&B emulator serving entity '"
              + emulator.dataset().entity()
              + "' (projects: "
              + String.join(", ", projectNames(emulator))
              + ") at "
              + emulator.baseUrl());
      out.println("JDBC URL (paste into DBeaver's URL field, or use with any JDBC client):");
      out.println(emulator.jdbcUrl("demo"));
      out.println(
          "or: entity "
              + emulator.dataset().entity()
              + ", project demo, password (API key) "
              + emulator.apiKey()
              + ", URL suffix ;baseUrl="
              + emulator.baseUrl());
      out.println("Serving until Ctrl-C.");
      out.flush();
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static List<String> projectNames(WandbEmulator emulator) {
    return emulator.dataset().projects().stream().map(EmulatedProject::name).sorted().toList();
  }

  /** The command line, checked. */
  record Arguments(
      boolean demo, String url, String sql, boolean help, boolean serve, int port, boolean stats) {
    static final int DEFAULT_PORT = 8765;

    static Arguments parse(String[] args) {
      boolean demo = false;
      boolean help = false;
      boolean serve = false;
      String url = null;
      String sql = null;
      String port = null;
      boolean stats = false;
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--demo" -> demo = true;
          case "--help", "-h" -> help = true;
          case "--url" -> url = value(arg, rest);
          case "-e" -> sql = value(arg, rest);
          case "--stats" -> stats = true;
          case "--serve" -> serve = true;
          case "--port" -> port = value(arg, rest);
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      if (serve) {
        if (demo || url != null || sql != null) {
          throw new IllegalArgumentException("--serve takes only --port");
        }
        return new Arguments(false, null, null, help, true, port(port), false);
      }
      if (port != null) {
        throw new IllegalArgumentException("--port goes with --serve");
      }
      if (!help && demo == (url != null)) {
        throw new IllegalArgumentException("give exactly one of --demo and --url");
      }
      return new Arguments(demo, url, sql, help, false, 0, stats);
    }

    private static int port(String text) {
      if (text == null) {
        return DEFAULT_PORT;
      }
      try {
        int port = Integer.parseInt(text);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--port needs a number from 0 to 65535, got " + text);
    }

    private static String value(String flag, List<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return rest.remove(0);
    }
  }
}
