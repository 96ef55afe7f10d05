package io.github.wandbjdbc.mcp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Driver connections by W&B key, a few kept idle per key: each tool call leases its own, so
 * concurrent calls never share a Connection, and a reused one skips the requests of opening (the
 * key's check, the project list). A null key means the URL's, WANDB_API_KEY's or ~/.netrc's.
 */
final class DriverConnections implements AutoCloseable {
  private static final int IDLE_PER_KEY = 4;
  private static final String DEFAULT_KEY = "";

  private final String url;
  private final Map<String, Deque<Connection>> idle = new HashMap<>();
  private boolean closed;

  DriverConnections(String url) {
    this.url = url;
  }

  /** A connection for one call; closing the lease hands it back. */
  final class Lease implements AutoCloseable {
    private final String key;
    private final Connection connection;

    private Lease(String key, Connection connection) {
      this.key = key;
      this.connection = connection;
    }

    Connection connection() {
      return connection;
    }

    @Override
    public void close() {
      giveBack(key, connection);
    }
  }

  Lease lease(String apiKey) throws SQLException {
    String key = apiKey == null ? DEFAULT_KEY : apiKey;
    synchronized (this) {
      Deque<Connection> spare = idle.get(key);
      while (spare != null && !spare.isEmpty()) {
        Connection connection = spare.pop();
        if (!connection.isClosed()) {
          return new Lease(key, connection);
        }
      }
    }
    Properties properties = new Properties();
    if (apiKey != null) {
      properties.setProperty("password", apiKey);
    }
    return new Lease(key, DriverManager.getConnection(url, properties));
  }

  private void giveBack(String key, Connection connection) {
    synchronized (this) {
      Deque<Connection> spare = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (!closed && spare.size() < IDLE_PER_KEY) {
        spare.push(connection);
        return;
      }
    }
    closeQuietly(connection);
  }

  @Override
  public void close() {
    List<Connection> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    all.forEach(DriverConnections::closeQuietly);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing anyway
    }
  }
}
