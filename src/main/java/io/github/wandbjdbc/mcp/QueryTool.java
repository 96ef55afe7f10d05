package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code query}: one read-only statement, its rows capped at {@code maxRows} and marked when cut,
 * under a timeout and the connection's request budget.
 */
final class QueryTool {
  static final int DEFAULT_MAX_ROWS = 200;
  static final int MAX_ROWS_LIMIT = 10_000;
  static final int DEFAULT_TIMEOUT_SECONDS = 120;
  static final int TIMEOUT_LIMIT_SECONDS = 3600;

  private QueryTool() {}

  static CallToolResult run(ToolCall call, ToolArguments arguments) throws SQLException {
    String sql = arguments.text("sql");
    int maxRows = arguments.integer("maxRows", DEFAULT_MAX_ROWS, 1, MAX_ROWS_LIMIT);
    int timeout =
        arguments.integer("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, TIMEOUT_LIMIT_SECONDS);
    Statement statement = call.statement();
    // One row past the cap tells a cut result from one that just fits.
    statement.setMaxRows(maxRows + 1);
    statement.setQueryTimeout(timeout);
    ResultRows rows;
    try (ResultSet rs = statement.executeQuery(sql)) {
      rows = ResultRows.read(rs, maxRows);
    }
    Map<String, Object> spent = WandbSpending.of(statement);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("columns", rows.columns());
    result.put("rows", rows.rows());
    result.put("rowCount", rows.rows().size());
    result.put("truncated", rows.truncated());
    result.put("wandb", spent);
    String summary =
        rows.rows().size()
            + " rows"
            + (rows.truncated()
                ? " (cut at maxRows="
                    + maxRows
                    + ": more rows exist; narrow the query or raise"
                    + " maxRows)"
                : "")
            + "; "
            + WandbSpending.text(spent);
    return ToolResults.success(rows.text() + "\n\n" + summary, result);
  }
}
