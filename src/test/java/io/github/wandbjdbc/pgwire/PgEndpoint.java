package io.github.wandbjdbc.pgwire;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The endpoint under test: the emulator's demo dataset (seed 42) served by a {@link PgServer} on
 * 127.0.0.1, any free port, each client's password being the emulator's key. Records each statement
 * clients send and who answered it, and writes them to {@code
 * target/pg-client-queries/<client>.txt}.
 */
final class PgEndpoint implements AutoCloseable {
  final WandbEmulator emulator;
  final PgServer server;
  private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

  private PgEndpoint(WandbEmulator emulator, PgServer server) {
    this.emulator = emulator;
    this.server = server;
    server.statementLog((sql, by) -> statements.add(by + "\t" + sql.replaceAll("\\s+", " ")));
  }

  static PgEndpoint start() throws IOException {
    return start(EmulatorConfig.defaults(), null);
  }

  /** An endpoint that answers SSLRequest with TLS from these PEM files. */
  static PgEndpoint startTls(Path certificate, Path key) throws IOException {
    WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(42)));
    String url = emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), "");
    return new PgEndpoint(
        emulator, PgServer.start(url, InetAddress.getLoopbackAddress(), 0, null, certificate, key));
  }

  static PgEndpoint start(EmulatorConfig config, String sharedPassword) throws IOException {
    return start(config, sharedPassword, "");
  }

  /**
   * @param urlSuffix driver properties for every session, e.g. {@code ;pageSize=5}
   */
  static PgEndpoint start(EmulatorConfig config, String sharedPassword, String urlSuffix)
      throws IOException {
    WandbEmulator emulator =
        WandbEmulator.start(config, DatasetGenerator.generate(GeneratorSpec.defaults(42)));
    String url = emulator.jdbcUrl("demo") + urlSuffix;
    if (sharedPassword == null) {
      url = url.replace(";apiKey=" + emulator.apiKey(), "");
    }
    return new PgEndpoint(
        emulator, PgServer.start(url, InetAddress.getLoopbackAddress(), 0, sharedPassword));
  }

  /**
   * Runs a client script in {@code dir} as {@code interpreter script PORT ENTITY}, with the API key
   * in PGPASSWORD: how the Python and R client tests call theirs.
   */
  ExternalClient runScript(Path dir, String interpreter, Path script)
      throws IOException, InterruptedException {
    return ExternalClient.run(
        dir,
        Map.of("PGPASSWORD", apiKey()),
        List.of(interpreter, script.toAbsolutePath().toString(), String.valueOf(port()), entity()));
  }

  int port() {
    return server.port();
  }

  String apiKey() {
    return emulator.apiKey();
  }

  String entity() {
    return emulator.dataset().entity();
  }

  /** A direct JDBC connection to the same data: the oracle for what clients read. */
  Connection jdbc() throws SQLException {
    return DriverManager.getConnection(emulator.jdbcUrl("demo"));
  }

  /** "answeredBy<TAB>sql" for every statement so far. */
  List<String> statements() {
    synchronized (statements) {
      return List.copyOf(statements);
    }
  }

  void writeRecord(String client) throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "pg-client-queries");
    Files.createDirectories(dir);
    Files.write(dir.resolve(client + ".txt"), statements(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
    emulator.close();
  }
}
