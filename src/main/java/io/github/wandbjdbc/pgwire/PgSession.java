package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection: start-up and authentication, then simple and extended queries on its own
 * driver connection until Terminate or disconnect. Runs on its own thread.
 */
final class PgSession implements Runnable {
  private static final Logger LOG = Logger.getLogger(PgSession.class.getName());

  private final Socket socket;
  private final PgServer server;
  private final int processId;
  private final int secretKey;
  private volatile SessionState state;

  PgSession(Socket socket, PgServer server, int processId, int secretKey) {
    this.socket = socket;
    this.server = server;
    this.processId = processId;
    this.secretKey = secretKey;
  }

  int secretKey() {
    return secretKey;
  }

  /** CancelRequest: cancels the statement running now, if any. */
  void cancel() {
    SessionState current = state;
    if (current != null) {
      current.cancel();
    }
  }

  @Override
  public void run() {
    try (socket) {
      Socket connection = socket;
      PgInput in = new PgInput(connection.getInputStream());
      PgBackend out = new PgBackend(new PgOutput(connection.getOutputStream()));
      try {
        StartupPacket startup = new PgHandshake(in, out, server, false).startup();
        boolean encrypted = startup == PgHandshake.START_TLS;
        if (encrypted) {
          connection = server.config().tls().wrap(connection);
          in = new PgInput(connection.getInputStream());
          out = new PgBackend(new PgOutput(connection.getOutputStream()));
          startup = new PgHandshake(in, out, server, true).startup();
        }
        if (startup != null) {
          requireTlsForRemoteKeys(encrypted);
          serve(startup, in, out);
        }
      } catch (PgProtocolException e) {
        out.error(PgError.fatal(e.sqlState(), e.getMessage()));
        out.flush();
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "session " + processId + " ended: " + e.getMessage());
    } finally {
      server.ended(processId);
    }
  }

  /**
   * A server given a certificate takes W&B keys from other hosts only over TLS: a client that
   * declined it (sslmode=disable) would send its key readable on the network.
   */
  private void requireTlsForRemoteKeys(boolean encrypted) throws PgProtocolException {
    PgServerConfig config = server.config();
    if (!encrypted
        && config.tls() != null
        && config.sharedPassword() == null
        && !socket.getInetAddress().isLoopbackAddress()) {
      throw new PgProtocolException(
          "28000",
          "this endpoint takes W&B API keys from other hosts only over TLS: connect with"
              + " sslmode=require");
    }
  }

  private void serve(StartupPacket startup, PgInput in, PgBackend out) throws IOException {
    Connection connection =
        server
            .loginThrottle()
            .login(
                socket.getInetAddress(),
                () -> new PgAuthenticator(server.config()).authenticate(startup, in, out));
    Map<String, String> parameters = startup.parameters();
    String applicationName = parameters.getOrDefault("application_name", "");
    SessionState session =
        new SessionState(
            connection,
            server.statementLog(),
            parameters.getOrDefault("user", ""),
            parameters.getOrDefault("database", parameters.getOrDefault("user", "")),
            applicationName);
    state = session;
    StatementPlanner planner = new StatementPlanner(session);
    try (connection;
        ExtendedQuery extended = new ExtendedQuery(planner, out, session)) {
      out.authentication(PgBackend.AUTH_OK, new byte[0]);
      Map<String, String> status = new LinkedHashMap<>(SessionState.REPORTED);
      status.put("application_name", applicationName);
      status.put("session_authorization", session.user());
      out.parameterStatus(status);
      out.backendKeyData(processId, secretKey);
      out.readyForQuery('I');
      out.flush();
      MessagePump pump = new MessagePump(in, session);
      Thread reader = new Thread(pump, "wandb-pg-reader-" + processId);
      reader.setDaemon(true);
      reader.start();
      new MessageLoop(pump, out, planner, extended, session).run();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "session " + processId + " closing: " + e.getMessage());
    }
  }

  /** The protocol after start-up. */
  private record MessageLoop(
      MessagePump in,
      PgBackend out,
      StatementPlanner planner,
      ExtendedQuery extended,
      SessionState state) {

    void run() throws IOException {
      SimpleQuery simple = new SimpleQuery(planner, out, state);
      boolean skipToSync = false;
      while (true) {
        FrontendMessage message;
        try {
          message = in.next();
        } catch (PgProtocolException e) {
          out.error(PgError.fatal(e.sqlState(), e.getMessage()));
          out.flush();
          return;
        }
        if (message == null || message.type() == 'X') {
          return;
        }
        char type = message.type();
        if (type == 'S') {
          skipToSync = false;
          sync();
          continue;
        }
        if (type == 'H') {
          out.flush();
          continue;
        }
        if (skipToSync && "PBDEC".indexOf(type) >= 0) {
          continue;
        }
        try {
          switch (type) {
            case 'Q' -> simple.run(message.reader().cstring());
            case 'P' -> extended.parse(message.reader());
            case 'B' -> extended.bind(message.reader());
            case 'D' -> extended.describe(message.reader());
            case 'E' -> extended.execute(message.reader());
            case 'C' -> extended.close(message.reader());
            case 'd', 'c', 'f' -> {} // copy-in data: this endpoint never asks for any
            default -> {
              out.error(PgError.fatal("08P01", "invalid frontend message type " + (int) type));
              out.flush();
              return;
            }
          }
        } catch (SQLException | RuntimeException | PgProtocolException e) {
          out.error(errorOf(e));
          if (state.transactionStatus() == 'T') {
            state.transactionStatus('E');
          }
          skipToSync = true;
        }
      }
    }

    private void sync() throws IOException {
      try {
        extended.sync();
      } catch (SQLException e) {
        out.error(PgError.of(e));
      }
      out.readyForQuery(state.transactionStatus());
      out.flush();
    }
  }

  static PgError errorOf(Exception e) {
    if (e instanceof SQLException sql) {
      return PgError.of(sql);
    }
    if (e instanceof PgProtocolException protocol) {
      return PgError.error(protocol.sqlState(), protocol.getMessage());
    }
    if (e.getCause() instanceof SQLException sql) {
      return PgError.of(sql);
    }
    return PgError.error("XX000", String.valueOf(e.getMessage()));
  }

  /** Statements of a simple Query message, each answered in turn; an error ends the message. */
  private record SimpleQuery(StatementPlanner planner, PgBackend out, SessionState state) {
    void run(String text) throws IOException {
      RowSender sender = new RowSender(out);
      List<String> statements = PgSqlText.split(text);
      try {
        if (statements.isEmpty()) {
          out.empty('I');
        }
        for (String sql : statements) {
          runOne(sql, sender);
        }
      } catch (SQLException | RuntimeException | PgProtocolException e) {
        out.error(errorOf(e));
        if (state.transactionStatus() == 'T') {
          state.transactionStatus('E');
        }
      }
      out.readyForQuery(state.transactionStatus());
      out.flush();
    }

    private void runOne(String sql, RowSender sender) throws SQLException, IOException {
      PgSqlText.requireNoParameters(sql);
      CopyOut copy = CopyOut.parse(sql);
      try (PlannedStatement statement =
          planner.plan(copy == null ? sql : copy.query(), List.of())) {
        if (statement == null) {
          out.empty('I');
          return;
        }
        try (QueryRows rows = statement.execute(List.of())) {
          if (copy != null) {
            copy.send(rows, out);
            return;
          }
          List<Boolean> binary =
              RowSender.binaryColumns(
                  rows.columns(), rows.binary() ? List.of((short) 1) : List.of());
          if (rows.returnsRows()) {
            out.rowDescription(rows.columns(), binary);
          }
          boolean[] exhausted = new boolean[1];
          long count = sender.send(rows, binary, 0, exhausted);
          out.commandComplete(rows.tag(count));
        }
      }
    }
  }
}
