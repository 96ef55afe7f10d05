package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One tool call's JDBC resources: a leased connection and the statements it opens, each registered
 * under the call's tag so that a cancel from the client reaches it. Closing releases them all.
 */
final class ToolCall implements AutoCloseable {
  /** The transport context's key for the W&B key a client authenticated with over HTTP. */
  static final String API_KEY = "io.github.wandbjdbc/apiKey";

  /** The work of one tool. */
  interface Work {
    CallToolResult run(ToolCall call, ToolArguments arguments) throws SQLException;
  }

  private final DriverConnections.Lease lease;
  private final RunningCalls running;
  private final String tag;
  private final List<Statement> statements = new ArrayList<>();

  private ToolCall(DriverConnections.Lease lease, RunningCalls running, String tag) {
    this.lease = lease;
    this.running = running;
    this.tag = tag;
  }

  /** Runs {@code work}; every failure becomes a tool error, never a protocol error. */
  static CallToolResult run(
      DriverConnections connections,
      RunningCalls running,
      McpSyncServerExchange exchange,
      CallToolRequest request,
      Work work) {
    String apiKey = (String) exchange.transportContext().get(API_KEY);
    Object tag = request.meta() == null ? null : request.meta().get(CallTags.META_KEY);
    try (ToolCall call =
        new ToolCall(connections.lease(apiKey), running, tag == null ? null : tag.toString())) {
      return work.run(call, new ToolArguments(request.arguments()));
    } catch (SQLException e) {
      return ToolResults.failure(e);
    } catch (IllegalArgumentException e) {
      return ToolResults.failure(ToolResults.BAD_ARGUMENT, e.getMessage());
    } catch (RuntimeException e) {
      return ToolResults.failure(null, "internal error: " + e);
    }
  }

  Connection connection() {
    return lease.connection();
  }

  /** A new statement that the client's cancel reaches. */
  Statement statement() throws SQLException {
    Statement statement = connection().createStatement();
    statements.add(statement);
    running.started(tag, statement);
    return statement;
  }

  @Override
  public void close() {
    running.ended(tag);
    for (Statement statement : statements) {
      try {
        statement.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
    lease.close();
  }
}
