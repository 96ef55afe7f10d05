package io.github.wandbjdbc.mcp;

import io.github.wandbjdbc.jdbc.StatementCost;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a statement's latest execution spent at W&B, read through the driver's {@link
 * StatementCost}: the one driver type, beside java.sql, that this package uses. A driver whose
 * statements do not unwrap to it gives "unknown".
 */
final class WandbSpending {
  private WandbSpending() {}

  /** {@code {"requests": n, "bytes": n}}, or {@code {"requests": "unknown", ...}}. */
  static Map<String, Object> of(Statement statement) {
    Map<String, Object> spent = new LinkedHashMap<>();
    try {
      if (statement.isWrapperFor(StatementCost.class)) {
        StatementCost cost = statement.unwrap(StatementCost.class);
        spent.put("requests", cost.requests());
        spent.put("bytes", cost.bytes());
        return spent;
      }
    } catch (SQLException e) {
      // reported as unknown below
    }
    spent.put("requests", "unknown");
    spent.put("bytes", "unknown");
    return spent;
  }

  /** "3 W&B requests, 12,345 bytes" or "W&B requests: unknown". */
  static String text(Map<String, Object> spent) {
    if (spent.get("requests") instanceof Long requests) {
      return String.format("%d W&B requests, %,d bytes", requests, (Long) spent.get("bytes"));
    }
    return "W&B requests: unknown";
  }
}
