package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --serve-pg [--port N] [--bind ADDR] [--pg-password-env VAR] [--tls-cert FILE --tls-key
 * FILE] [--allow-cleartext-keys] --url JDBC_URL}: serves the PostgreSQL endpoint in the foreground.
 * The first line on stdout is the libpq URI to connect with, without a password.
 */
public final class PgServeCommand {
  public static final String USAGE =
      String.join(
          "\n",
          "  --serve-pg    serve a PostgreSQL-protocol endpoint over the driver until Ctrl-C; prints",
          "                a libpq URI first. --port N (default 5432, 0: any free port),",
          "                --bind ADDR (default 127.0.0.1). Each client's password is its W&B API",
          "                key, unless --pg-password-env VAR names a variable holding a password",
          "                all clients share (SCRAM-SHA-256; the URL, WANDB_API_KEY or ~/.netrc",
          "                then give the W&B key). --tls-cert FILE --tls-key FILE (PEM; key in",
          "                unencrypted PKCS#8): answer SSLRequest with TLS. A --bind address other",
          "                than loopback needs TLS (or --pg-password-env) when passwords are W&B",
          "                keys, unless --allow-cleartext-keys. After 5 failed logins an address",
          "                is refused for a while, growing with each further failure");

  /** The checked options. */
  public record Options(
      String url,
      InetAddress bind,
      int port,
      String sharedPassword,
      java.nio.file.Path tlsCertificate,
      java.nio.file.Path tlsKey) {
    @Override
    public String toString() {
      return "Options[bind=" + bind + ", port=" + port + "]";
    }
  }

  private PgServeCommand() {}

  /** Parses the options after {@code --serve-pg}; throws IllegalArgumentException on bad ones. */
  public static Options parse(List<String> args) {
    String url = null;
    String bind = "127.0.0.1";
    String port = "5432";
    String passwordVariable = null;
    String tlsCertificate = null;
    String tlsKey = null;
    boolean allowCleartextKeys = false;
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      switch (arg) {
        case "--serve-pg" -> {}
        case "--url" -> url = value(arg, rest);
        case "--bind" -> bind = value(arg, rest);
        case "--port" -> port = value(arg, rest);
        case "--pg-password-env" -> passwordVariable = value(arg, rest);
        case "--tls-cert" -> tlsCertificate = value(arg, rest);
        case "--tls-key" -> tlsKey = value(arg, rest);
        case "--allow-cleartext-keys" -> allowCleartextKeys = true;
        default -> throw new IllegalArgumentException("unknown argument for --serve-pg: " + arg);
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("--serve-pg needs --url JDBC_URL");
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    String shared = null;
    if (passwordVariable != null) {
      shared = System.getenv(passwordVariable);
      if (shared == null || shared.isEmpty()) {
        throw new IllegalArgumentException(
            "--pg-password-env: environment variable " + passwordVariable + " is not set");
      }
    }
    try {
      int number = Integer.parseInt(port);
      if (number < 0 || number > 65535) {
        throw new NumberFormatException();
      }
      InetAddress address = InetAddress.getByName(bind);
      if (shared == null && tlsCertificate == null && !address.isLoopbackAddress()) {
        requireCleartextKeysAllowed(bind, allowCleartextKeys);
      }
      return new Options(
          url,
          address,
          number,
          shared,
          tlsCertificate == null ? null : java.nio.file.Path.of(tlsCertificate),
          tlsKey == null ? null : java.nio.file.Path.of(tlsKey));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a number from 0 to 65535, got " + port);
    } catch (IOException e) {
      throw new IllegalArgumentException("--bind: unknown address " + bind);
    }
  }

  /**
   * Key-as-password mode sends each client's W&B key as a cleartext password: on loopback it never
   * leaves the machine, elsewhere only TLS keeps it off the wire.
   */
  private static void requireCleartextKeysAllowed(String bind, boolean allowed) {
    if (!allowed) {
      throw new IllegalArgumentException(
          "--bind "
              + bind
              + " is not a loopback address, and each client's password is its W&B API key:"
              + " without TLS the keys would cross the network in clear text. Give --tls-cert"
              + " FILE --tls-key FILE, or one shared password with --pg-password-env VAR (then"
              + " no key crosses the network), or --allow-cleartext-keys if the network is"
              + " trusted.");
    }
  }

  /**
   * Serves until the thread is interrupted; prints the URI, then {@code notes}, then a line saying
   * it serves. Returns the exit status.
   */
  public static int serve(Options options, List<String> notes, PrintStream out, PrintStream err) {
    try (PgServer server =
        options.tlsCertificate() == null
            ? PgServer.start(
                options.url(), options.bind(), options.port(), options.sharedPassword())
            : PgServer.start(
                options.url(),
                options.bind(),
                options.port(),
                options.sharedPassword(),
                options.tlsCertificate(),
                options.tlsKey())) {
      out.println(server.uri("wandb"));
      notes.forEach(out::println);
      out.println(
          "PostgreSQL endpoint on "
              + options.bind().getHostAddress()
              + ":"
              + server.port()
              + (options.sharedPassword() == null
                  ? "; password: your W&B API key"
                  : "; password: the shared one")
              + (options.tlsCertificate() == null ? "; no TLS" : "; TLS on request")
              + ". Serving until Ctrl-C.");
      out.flush();
      new CountDownLatch(1).await();
      return 0;
    } catch (IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static String value(String flag, List<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return rest.remove(0);
  }
}
