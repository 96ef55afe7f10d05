package io.github.wandbjdbc.pgwire;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How the endpoint runs: the driver URL each session connects with, where it listens, and the
 * password mode. Without {@code sharedPassword} a client's password is its W&B API key (cleartext
 * authentication, since the key must reach the driver); with it, clients prove that password by
 * SCRAM-SHA-256 and sessions use the key the URL, WANDB_API_KEY or ~/.netrc gives. Without {@code
 * tls} SSLRequest is declined.
 */
record PgServerConfig(
    String jdbcUrl, InetAddress bindAddress, int port, String sharedPassword, PgTls tls) {
  PgServerConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not from 0 to 65535");
    }
    if (sharedPassword == null && JdbcUrls.value(jdbcUrl, "apiKey") != null) {
      throw new IllegalArgumentException(
          "the URL holds an API key: each PG client gives its own W&B API key as its password,"
              + " so leave it out of the URL (or share one with --pg-password-env)");
    }
  }

  /** The key and password never appear, whatever prints the configuration. */
  @Override
  public String toString() {
    return "PgServerConfig[url="
        + JdbcUrls.withoutSecrets(jdbcUrl)
        + ", bind="
        + bindAddress.getHostAddress()
        + ", port="
        + port
        + ", sharedPassword="
        + (sharedPassword == null ? "none" : "(set)")
        + ", tls="
        + (tls == null ? "off" : "on")
        + "]";
  }
}
