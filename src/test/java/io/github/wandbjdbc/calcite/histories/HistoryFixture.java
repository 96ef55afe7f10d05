package io.github.wandbjdbc.calcite.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Runs history queries through the driver and derives the expected rows from emulator data. */
final class HistoryFixture {
  private HistoryFixture() {}

  /** The rows of {@code sql} (with {@code params} bound), each a list of column values. */
  static List<List<Object>> query(String url, String sql, Object... params) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return rows(statement.executeQuery());
    }
  }

  /** The plan EXPLAIN shows for {@code sql}, requests included. */
  static String explain(String url, String sql) throws SQLException {
    return query(url, "EXPLAIN PLAN FOR " + sql).get(0).get(0).toString();
  }

  static List<List<Object>> rows(ResultSet resultSet) throws SQLException {
    try (ResultSet rs = resultSet) {
      List<List<Object>> rows = new ArrayList<>();
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(Arrays.asList(row));
      }
      return rows;
    }
  }

  /** The emulator's value of {@code key} as the driver shows it in a DOUBLE column. */
  static Double number(ObjectNode row, String key) {
    JsonNode value = row.get(key);
    return value == null || !value.isNumber() ? null : value.doubleValue();
  }

  /** Rows sorted by their first two columns (run_id, then _step). */
  static List<List<Object>> sortedByRunAndStep(List<List<Object>> rows) {
    List<List<Object>> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing((List<Object> r) -> (String) r.get(0))
            .thenComparing(r -> ((Number) r.get(1)).longValue()));
    return sorted;
  }

  /** Every history row of {@code runs}, as {@code columns} of a histories query would show it. */
  static List<List<Object>> expected(List<EmulatedRun> runs, List<String> keys) {
    List<List<Object>> rows = new ArrayList<>();
    for (EmulatedRun run : runs) {
      for (ObjectNode row : run.history()) {
        List<Object> values = new ArrayList<>();
        values.add(run.name());
        values.add(row.get("_step").asLong());
        for (String key : keys) {
          JsonNode value = row.get(key);
          values.add(
              value == null
                  ? null
                  : value.isNumber()
                      ? (Object) value.doubleValue()
                      : value.isTextual() ? value.textValue() : value.toString());
        }
        rows.add(values);
      }
    }
    return sortedByRunAndStep(rows);
  }

  /** The HistoryBatch requests the emulator recorded. */
  static List<RecordedRequest> historyRequests(WandbEmulator emulator) {
    return emulator.stats().recorded().stream()
        .filter(r -> "HistoryBatch".equals(r.operationName()))
        .toList();
  }

  /** The run names a HistoryBatch request read ($r0, $r1, ...). */
  static List<String> runsRead(RecordedRequest request) {
    List<String> runs = new ArrayList<>();
    request
        .variables()
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().matches("r\\d+")) {
                runs.add(field.getValue().asText());
              }
            });
    return runs;
  }
}
