package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PostgreSQL protocol (v3) endpoint over the wandb-jdbc driver: one thread and one driver
 * connection per client session, opened with the client's password as its W&B API key (or, with a
 * shared password, with the key the URL, WANDB_API_KEY or ~/.netrc gives).
 */
public final class PgServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PgServer.class.getName());

  private final PgServerConfig config;
  private final ServerSocket listener;
  private final ExecutorService threads;
  private final Map<Integer, PgSession> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger processIds = new AtomicInteger(1000);
  private final SecureRandom random = new SecureRandom();
  private final LoginThrottle loginThrottle = new LoginThrottle();
  private volatile StatementLog statementLog = (sql, answeredBy) -> {};

  private PgServer(PgServerConfig config) throws IOException {
    this.config = config;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(config.bindAddress(), config.port()));
    AtomicInteger threadNumber = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "wandb-pg-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    threads.execute(this::accept);
  }

  /**
   * Listens on {@code bindAddress:port} (port 0: any free one) and serves until closed.
   *
   * @param jdbcUrl the driver URL sessions connect with; without an API key unless {@code
   *     sharedPassword} is given
   * @param sharedPassword null: each client's password is its W&B API key
   */
  public static PgServer start(
      String jdbcUrl, InetAddress bindAddress, int port, String sharedPassword) throws IOException {
    return new PgServer(new PgServerConfig(jdbcUrl, bindAddress, port, sharedPassword, null));
  }

  /** As above, answering SSLRequest with TLS from a PEM certificate chain and PKCS#8 key. */
  public static PgServer start(
      String jdbcUrl,
      InetAddress bindAddress,
      int port,
      String sharedPassword,
      Path tlsCertificate,
      Path tlsKey)
      throws IOException {
    PgTls tls = PgTls.fromPem(tlsCertificate, tlsKey);
    return new PgServer(new PgServerConfig(jdbcUrl, bindAddress, port, sharedPassword, tls));
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** A libpq connection URI for user {@code user}, without a password. */
  public String uri(String user) {
    String host = config.bindAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    String entity = JdbcUrls.value(config.jdbcUrl(), "entity");
    return "postgresql://"
        + user
        + "@"
        + host
        + ":"
        + port()
        + "/"
        + (entity == null ? "" : entity);
  }

  /** Sessions open now. */
  public int sessionCount() {
    return sessions.size();
  }

  /** Tells {@code log} of every statement planned from now on, and who answers it. */
  void statementLog(StatementLog log) {
    statementLog = log;
  }

  StatementLog statementLog() {
    return statementLog;
  }

  LoginThrottle loginThrottle() {
    return loginThrottle;
  }

  PgServerConfig config() {
    return config;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        int processId = processIds.incrementAndGet();
        PgSession session = new PgSession(socket, this, processId, random.nextInt());
        sessions.put(processId, session);
        threads.execute(session);
      } catch (IOException e) {
        if (!listener.isClosed()) {
          LOG.log(Level.WARNING, "accepting a PG connection failed: " + e.getMessage());
        }
      }
    }
  }

  void cancel(int processId, int secretKey) {
    PgSession session = sessions.get(processId);
    if (session != null && session.secretKey() == secretKey) {
      session.cancel();
    }
  }

  void ended(int processId) {
    sessions.remove(processId);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }
}
