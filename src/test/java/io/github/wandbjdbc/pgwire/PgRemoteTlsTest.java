package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint with a certificate, listening on this machine's network address: a client from there
 * (not loopback) gets a session only over TLS, so its W&B key never crosses in clear text.
 */
class PgRemoteTlsTest {
  @TempDir Path dir;

  /** This machine's first IPv4 address that is up and not loopback, or null. */
  private static InetAddress networkAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address;
          }
        }
      }
    }
    return null;
  }

  @Test
  void aClientFromAnotherAddressMustUseTls() throws Exception {
    InetAddress address = networkAddress();
    assumeTrue(address != null, "this machine has no network address besides loopback");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    ExternalClient openssl =
        ExternalClient.run(
            dir,
            Map.of(),
            List.of(
                "/usr/bin/openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-days",
                "1",
                "-subj",
                "/CN=wandb"));
    assertEquals(0, openssl.exit(), openssl.err());
    try (WandbEmulator emulator =
            WandbEmulator.start(
                EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(42)));
        PgServer server =
            PgServer.start(
                emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), ""),
                address,
                0,
                null,
                cert,
                key)) {
      try (RawPgClient plain = new RawPgClient(address, server.port())) {
        plain.startup(3 << 16, Map.of("user", "wandb", "database", emulator.dataset().entity()));
        RawPgClient.Message refused = plain.read();
        assertEquals("28000", refused.sqlState(), refused.text());
        assertTrue(refused.text().contains("only over TLS"), refused.text());
      }
      String base =
          "host="
              + address.getHostAddress()
              + " port="
              + server.port()
              + " user=wandb dbname="
              + emulator.dataset().entity();
      ExternalClient tls =
          ExternalClient.run(
              dir,
              Map.of("PGPASSWORD", emulator.apiKey()),
              List.of(
                  "/usr/bin/psql",
                  "--no-psqlrc",
                  "--csv",
                  base + " sslmode=require",
                  "-c",
                  "SELECT 1 AS x"));
      assertEquals(0, tls.exit(), tls.err());
      assertEquals(List.of("x", "1"), tls.out().lines().toList());
    }
  }
}
