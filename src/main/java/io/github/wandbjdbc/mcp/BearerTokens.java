package io.github.wandbjdbc.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;

/**
 * Who may use the HTTP endpoint: a client whose bearer token is a W&B key the server accepts (by
 * default, as the PG password is the key for {@code --serve-pg}), or, with {@code --mcp-token-env},
 * the shared secret. A key is checked by opening a driver connection with it, which the pool keeps
 * for that key's calls.
 */
final class BearerTokens {
  /** The check's outcome. */
  enum Verdict {
    ACCEPTED,
    REFUSED,
    UNAVAILABLE
  }

  private final String sharedSecret;
  private final DriverConnections connections;

  /**
   * @param sharedSecret the one token every client sends, or null: each client's W&B key
   */
  BearerTokens(String sharedSecret, DriverConnections connections) {
    this.sharedSecret = sharedSecret;
    this.connections = connections;
  }

  /** Whether the tokens are W&B keys that the tool calls then use. */
  boolean tokensAreKeys() {
    return sharedSecret == null;
  }

  Verdict check(String token) {
    if (token == null || token.isEmpty()) {
      return Verdict.REFUSED;
    }
    if (sharedSecret != null) {
      return MessageDigest.isEqual(
              token.getBytes(StandardCharsets.UTF_8), sharedSecret.getBytes(StandardCharsets.UTF_8))
          ? Verdict.ACCEPTED
          : Verdict.REFUSED;
    }
    try {
      connections.lease(token).close();
      return Verdict.ACCEPTED;
    } catch (SQLException e) {
      return e.getSQLState() != null && e.getSQLState().startsWith("28")
          ? Verdict.REFUSED
          : Verdict.UNAVAILABLE;
    }
  }
}
