package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code explain}: the plan of a statement and the W&B requests it would send ({@code EXPLAIN PLAN
 * FOR}), without sending them.
 */
final class ExplainTool {
  private ExplainTool() {}

  static CallToolResult run(ToolCall call, ToolArguments arguments) throws SQLException {
    String sql = arguments.text("sql").strip();
    String explain =
        sql.toUpperCase(Locale.ROOT).startsWith("EXPLAIN") ? sql : "EXPLAIN PLAN FOR " + sql;
    StringBuilder plan = new StringBuilder();
    Statement statement = call.statement();
    try (ResultSet rs = statement.executeQuery(explain)) {
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
    }
    List<String> requests = new ArrayList<>();
    for (String line : plan.toString().split("\\R")) {
      int at = line.indexOf("request=[");
      if (at >= 0) {
        requests.add(line.substring(at + "request=[".length()).replaceFirst("\\]\\)?$", ""));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("plan", plan.toString().strip());
    result.put("wandbRequests", requests);
    return ToolResults.success(plan.toString().strip(), result);
  }
}
