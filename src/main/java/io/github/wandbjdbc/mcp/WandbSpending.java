package io.github.wandbjdbc.mcp;

import io.github.wandbjdbc.jdbc.StatementCost;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a statement's latest execution spent at W&B, read through the driver's {@link
 * StatementCost}: the one driver type, beside java.sql, that this package uses.
 */
final class WandbSpending {
  private WandbSpending() {}

  /** {@code {"requests": n, "bytes": n}}. */
  static Map<String, Object> of(Statement statement) throws SQLException {
    StatementCost cost = statement.unwrap(StatementCost.class);
    Map<String, Object> spent = new LinkedHashMap<>();
    spent.put("requests", cost.requests());
    spent.put("bytes", cost.bytes());
    return spent;
  }

  /** "3 W&B requests, 12,345 bytes". */
  static String text(Map<String, Object> spent) {
    return String.format(
        "%d W&B requests, %,d bytes", (Long) spent.get("requests"), (Long) spent.get("bytes"));
  }
}
