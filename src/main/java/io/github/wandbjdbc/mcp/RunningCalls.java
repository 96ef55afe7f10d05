package io.github.wandbjdbc.mcp;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of tool calls in progress, by call tag ({@link CallTags}): a client's {@code
 * notifications/cancelled} cancels its call's statement, and a session that ends cancels all of its
 * calls', as a PostgreSQL client's cancel request does for {@code --serve-pg}.
 */
final class RunningCalls {
  private final Map<String, Statement> statements = new ConcurrentHashMap<>();

  void started(String tag, Statement statement) {
    if (tag != null) {
      statements.put(tag, statement);
    }
  }

  void ended(String tag) {
    if (tag != null) {
      statements.remove(tag);
    }
  }

  void cancel(String tag) {
    Statement statement = statements.get(tag);
    if (statement != null) {
      cancel(statement);
    }
  }

  /** Cancels every call of one session (a tag starts with its session's channel). */
  void cancelChannel(String channel) {
    String prefix = CallTags.channelPrefix(channel);
    statements.forEach(
        (tag, statement) -> {
          if (tag.startsWith(prefix)) {
            cancel(statement);
          }
        });
  }

  private static void cancel(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException e) {
      // the statement ended or its connection closed: nothing left to stop
    }
  }
}
