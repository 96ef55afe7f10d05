package io.github.wandbjdbc.mcp;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --serve-mcp --url JDBC_URL [--port N [--bind ADDR] [--mcp-token-env VAR]]}: the Model
 * Context Protocol server for AI agents, on stdio (what desktop agents launch) or, with {@code
 * --port}, on streamable HTTP.
 */
public final class McpServeCommand {
  public static final String USAGE =
      String.join(
          "\n",
          "  --serve-mcp   serve SQL to AI agents over the Model Context Protocol (tools list_tables,",
          "                describe_table, query, explain). Without --port: on stdin/stdout, as a",
          "                desktop agent launches it. --port N (0: any free port) [--bind ADDR,",
          "                default 127.0.0.1]: streamable HTTP at http://ADDR:N/mcp; each request",
          "                needs 'Authorization: Bearer <W&B API key>', or the shared secret held",
          "                by the variable --mcp-token-env VAR names. Each statement may send",
          "                "
              + DefaultBudget.DEFAULT_MAX_REQUESTS
              + " W&B requests unless the URL sets maxRequests");

  /** The checked options; port null: stdio. */
  public record Options(String url, InetAddress bind, Integer port, String sharedToken) {
    @Override
    public String toString() {
      return "Options[bind=" + bind + ", port=" + port + "]";
    }
  }

  private McpServeCommand() {}

  /** Parses the options after {@code --serve-mcp}; throws IllegalArgumentException on bad ones. */
  public static Options parse(List<String> args) {
    String url = null;
    String bind = null;
    String port = null;
    String tokenVariable = null;
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      switch (arg) {
        case "--serve-mcp" -> {}
        case "--url" -> url = value(arg, rest);
        case "--bind" -> bind = value(arg, rest);
        case "--port" -> port = value(arg, rest);
        case "--mcp-token-env" -> tokenVariable = value(arg, rest);
        default -> throw new IllegalArgumentException("unknown argument for --serve-mcp: " + arg);
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("--serve-mcp needs --url JDBC_URL");
    }
    if (port == null && (bind != null || tokenVariable != null)) {
      throw new IllegalArgumentException("--bind and --mcp-token-env go with --port (HTTP)");
    }
    String shared = null;
    if (tokenVariable != null) {
      shared = System.getenv(tokenVariable);
      if (shared == null || shared.isEmpty()) {
        throw new IllegalArgumentException(
            "--mcp-token-env: environment variable " + tokenVariable + " is not set");
      }
    } else if (port != null && urlHoldsKey(url)) {
      throw new IllegalArgumentException(
          "--serve-mcp --port: each client's bearer token is its W&B key, so the URL must not"
              + " hold apiKey or password; or give --mcp-token-env VAR for a shared token");
    }
    try {
      return new Options(
          url, InetAddress.getByName(bind == null ? "127.0.0.1" : bind), port(port), shared);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address " + bind);
    }
  }

  /**
   * Serves until the input ends (stdio) or the thread is interrupted (HTTP); returns the exit
   * status. On stdio, {@code out} carries protocol messages only: everything else, {@code notes}
   * too, goes to {@code err}, and so does whatever else in the process prints to System.out.
   */
  public static int serve(
      Options options, List<String> notes, InputStream in, PrintStream out, PrintStream err) {
    try {
      String url = DefaultBudget.withDefault(options.url());
      Driver driver = DriverManager.getDriver(url);
      String version = driver.getMajorVersion() + "." + driver.getMinorVersion();
      if (options.port() == null) {
        System.setOut(err);
        notes.forEach(err::println);
        err.println("wandb-jdbc MCP server on stdin/stdout; logs on stderr.");
        StdioServe.serve(url, version, in, out);
        return 0;
      }
      HttpServe server =
          HttpServe.start(url, version, options.bind(), options.port(), options.sharedToken());
      try {
        out.println(
            "http://" + options.bind().getHostAddress() + ":" + server.port() + HttpServe.PATH);
        notes.forEach(out::println);
        out.println(
            "MCP endpoint (streamable HTTP); bearer token: "
                + (options.sharedToken() == null ? "your W&B API key" : "the shared one")
                + ". Serving until Ctrl-C.");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
      } finally {
        server.stop();
      }
    } catch (SQLException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static boolean urlHoldsKey(String url) {
    for (String part : url.replaceFirst("(?i)^jdbc:wandb:", "").split(";")) {
      String key = part.contains("=") ? part.substring(0, part.indexOf('=')).strip() : "";
      if (key.equalsIgnoreCase("apiKey") || key.equalsIgnoreCase("password")) {
        return true;
      }
    }
    return false;
  }

  private static Integer port(String text) {
    if (text == null) {
      return null;
    }
    try {
      int number = Integer.parseInt(text);
      if (number >= 0 && number <= 65535) {
        return number;
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
