package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Authenticates a session and opens its driver connection: with the client's password as the W&B
 * API key (cleartext), or after SCRAM-SHA-256 against the shared password.
 */
final class PgAuthenticator {
  private final PgServerConfig config;

  PgAuthenticator(PgServerConfig config) {
    this.config = config;
  }

  Connection authenticate(StartupPacket startup, PgInput in, PgBackend out) throws IOException {
    String user = startup.parameters().getOrDefault("user", "");
    String database = startup.parameters().getOrDefault("database", user);
    Properties properties = new Properties();
    // PostgreSQL's syntax, and pg_catalog and information_schema for the clients' catalog queries
    properties.setProperty("dialect", "postgresql");
    String entity = JdbcUrls.value(config.jdbcUrl(), "entity");
    if (entity == null && !database.isEmpty()) {
      properties.setProperty("entity", database);
    } else if (entity != null && !database.isEmpty() && !database.equals(entity)) {
      throw new PgProtocolException(
          "3D000",
          "database \""
              + database
              + "\" does not exist: this endpoint serves the W&B entity \""
              + entity
              + "\"");
    }
    if (config.sharedPassword() == null) {
      out.authentication(PgBackend.AUTH_PASSWORD, new byte[0]);
      out.flush();
      String password = expect(in, "password").reader().cstring();
      // the driver reads a blank password as none and would fall back to the server's own key
      if (password.isBlank()) {
        throw passwordFailed(user);
      }
      properties.setProperty("password", password);
    } else {
      scram(in, out, user);
    }
    try {
      return DriverManager.getConnection(config.jdbcUrl(), properties);
    } catch (SQLException e) {
      if ("28000".equals(e.getSQLState())) {
        throw passwordFailed(user);
      }
      throw new PgProtocolException(
          e.getSQLState() == null ? "08006" : e.getSQLState(), PgError.of(e).message());
    }
  }

  private void scram(PgInput in, PgBackend out, String user) throws IOException {
    out.saslMechanisms(List.of(ScramServer.MECHANISM));
    out.flush();
    PgBuffer initial = expect(in, "SASLInitialResponse").reader();
    if (!ScramServer.MECHANISM.equals(initial.cstring())) {
      throw new PgProtocolException("28000", "only " + ScramServer.MECHANISM + " is offered");
    }
    ScramServer scram = ScramServer.forPassword(config.sharedPassword().toCharArray());
    String first = new String(initial.bytes(initial.int32()), StandardCharsets.UTF_8);
    out.authentication(
        PgBackend.AUTH_SASL_CONTINUE, scram.serverFirst(first).getBytes(StandardCharsets.UTF_8));
    out.flush();
    FrontendMessage response = expect(in, "SASLResponse");
    String serverFinal;
    try {
      serverFinal = scram.serverFinal(new String(response.body(), StandardCharsets.UTF_8));
    } catch (PgProtocolException e) {
      throw passwordFailed(user);
    }
    out.authentication(PgBackend.AUTH_SASL_FINAL, serverFinal.getBytes(StandardCharsets.UTF_8));
  }

  private static FrontendMessage expect(PgInput in, String what) throws IOException {
    FrontendMessage message = in.read();
    if (message == null) {
      throw new PgProtocolException(
          "08006", "the client closed the connection during authentication");
    }
    if (message.type() != 'p') {
      throw new PgProtocolException(
          "08P01", "expected " + what + " message, got '" + message.type() + "'");
    }
    return message;
  }

  private static PgProtocolException passwordFailed(String user) {
    return new PgProtocolException(
        "28P01", "password authentication failed for user \"" + user + "\"");
  }
}
