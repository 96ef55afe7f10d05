package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tool results. A failure is a result with {@code isError}, never a protocol error: the SQLState
 * and the driver's message on one line, so that the agent can correct its SQL.
 */
final class ToolResults {
  /** The SQLState of a tool argument out of range (SQL's "invalid parameter value"). */
  static final String BAD_ARGUMENT = "22023";

  private ToolResults() {}

  static CallToolResult success(String text, Map<String, Object> structured) {
    return CallToolResult.builder()
        .addTextContent(text)
        .structuredContent(structured)
        .isError(false)
        .build();
  }

  static CallToolResult failure(SQLException e) {
    return failure(e.getSQLState(), e.getMessage());
  }

  static CallToolResult failure(String sqlState, String message) {
    String line = String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("sqlState", sqlState);
    error.put("message", line);
    return CallToolResult.builder()
        .addTextContent((sqlState == null ? "" : "SQLState " + sqlState + ": ") + line)
        .structuredContent(Map.of("error", error))
        .isError(true)
        .build();
  }
}
