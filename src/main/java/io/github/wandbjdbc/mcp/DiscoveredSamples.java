package io.github.wandbjdbc.mcp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sample value for each discovered {@code config.*} and {@code summary.*} column, from one
 * bounded query over the newest runs (the runs the driver discovered the keys from), so that an
 * agent sees what a key holds before it filters on it.
 */
final class DiscoveredSamples {
  static final int RUNS_SAMPLED = 100;
  private static final int MAX_SAMPLE_CHARS = 120;

  private DiscoveredSamples() {}

  /** Puts a "sample" into each discovered column that some sampled run holds. */
  static void add(ToolCall call, String schema, String table, List<Map<String, Object>> columns)
      throws SQLException {
    List<Map<String, Object>> discovered =
        columns.stream()
            .filter(c -> ((String) c.get("name")).matches("(config|summary)\\..+"))
            .toList();
    if (discovered.isEmpty()) {
      return;
    }
    String sql =
        "SELECT "
            + discovered.stream()
                .map(c -> quoted((String) c.get("name")))
                .collect(Collectors.joining(", "))
            + " FROM "
            + quoted(schema)
            + "."
            + quoted(table)
            + " LIMIT "
            + RUNS_SAMPLED;
    Statement statement = call.statement();
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        for (int i = 0; i < discovered.size(); i++) {
          Map<String, Object> column = discovered.get(i);
          String value = rs.getString(i + 1);
          if (value != null && !column.containsKey("sample")) {
            column.put("sample", shortened(value));
          }
        }
      }
    }
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String shortened(String value) {
    return value.length() <= MAX_SAMPLE_CHARS ? value : value.substring(0, MAX_SAMPLE_CHARS) + "…";
  }
}
