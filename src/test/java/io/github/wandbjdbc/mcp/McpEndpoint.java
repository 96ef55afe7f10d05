package io.github.wandbjdbc.mcp;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The MCP server under test: the emulator's demo dataset (seed 42) served over streamable HTTP on
 * 127.0.0.1 (any free port), each client's bearer token being the emulator's key; and the command
 * line that serves the same data on stdio from the test class path.
 */
final class McpEndpoint {
  static final Path NODE_DIR = Path.of(System.getProperty("basedir", "."), "src/test/node");

  final WandbEmulator emulator;
  final HttpServe server;

  private McpEndpoint(WandbEmulator emulator, HttpServe server) {
    this.emulator = emulator;
    this.server = server;
  }

  static McpEndpoint start(EmulatorConfig config, String urlSuffix) throws Exception {
    WandbEmulator emulator =
        WandbEmulator.start(config, DatasetGenerator.generate(GeneratorSpec.defaults(42)));
    String url = emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), "") + urlSuffix;
    return new McpEndpoint(
        emulator, HttpServe.start(url, "test", InetAddress.getLoopbackAddress(), 0, null));
  }

  String url() {
    return "http://127.0.0.1:" + server.port() + HttpServe.PATH;
  }

  String apiKey() {
    return emulator.apiKey();
  }

  /** {@code --serve-mcp} on stdio over the same emulator, run from the test class path. */
  List<String> stdioCommand() {
    return List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp",
        System.getProperty("java.class.path"),
        "io.github.wandbjdbc.cli.WandbSql",
        "--serve-mcp",
        "--url",
        emulator.jdbcUrl("demo"));
  }

  /** A direct JDBC connection to the same data: the oracle for what clients read. */
  Connection jdbc() throws SQLException {
    return DriverManager.getConnection(emulator.jdbcUrl("demo"));
  }

  void stop() throws Exception {
    try {
      server.stop();
    } finally {
      emulator.close();
    }
  }
}
