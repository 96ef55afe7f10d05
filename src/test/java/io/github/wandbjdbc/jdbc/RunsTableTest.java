package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads whole projects through the driver and compares every column with the emulator's data. */
class RunsTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Compared as JSON values: their text is JsonTextTest's subject (numbers as W&B's SDK writes
   * them, which the emulator's Java-written dataset does not follow).
   */
  private static final java.util.Set<String> JSON_COLUMNS =
      java.util.Set.of("tags", "config", "summary", "system_metrics");

  private static final List<String> FIXED_COLUMNS =
      List.of(
          "run_id",
          "display_name",
          "state",
          "entity",
          "project",
          "group_name",
          "job_type",
          "sweep_name",
          "tags",
          "username",
          "created_at",
          "heartbeat_at",
          "git_commit",
          "notes",
          "description",
          "history_line_count",
          "url",
          "config",
          "summary",
          "system_metrics");
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(7).withRunsPerProject(23)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 22, 23, 24, 200})
  void everyRunOfEveryProjectExactlyOnceAtAnyPageSize(int pageSize) throws Exception {
    for (EmulatedProject project : emulator.dataset().projects()) {
      List<Map<String, Object>> expected = expectedRows(project);
      List<Map<String, Object>> rows =
          query(
              emulator.jdbcUrl(project.name()) + ";pageSize=" + pageSize,
              "SELECT " + String.join(", ", FIXED_COLUMNS) + " FROM runs");
      assertEquals(expected, rows, "project " + project.name() + " at page size " + pageSize);
    }
  }

  @Test
  void requestsOnlyTheHeavyFieldsAQueryNames() throws Exception {
    EmulatedProject demo = emulator.dataset().project("acme", "demo").orElseThrow();
    emulator.stats().reset();
    List<Map<String, Object>> rows =
        query(emulator.jdbcUrl("demo"), "SELECT run_id, state FROM runs");
    assertEquals(demo.runs().size(), rows.size());
    String runsQueryVariables =
        emulator.stats().recorded().stream()
            .filter(r -> r.query().contains("runs("))
            .map(r -> r.variables().toString())
            .reduce("", String::concat);
    assertTrue(runsQueryVariables.contains("\"withConfig\":false"), runsQueryVariables);
    assertTrue(runsQueryVariables.contains("\"withSummaryMetrics\":false"), runsQueryVariables);
  }

  @Test
  void qualifiedNamesReachOtherProjectsCaseInsensitively() throws Exception {
    EmulatedProject other =
        emulator.dataset().project("acme", "image-classification").orElseThrow();
    List<Map<String, Object>> rows =
        query(
            emulator.jdbcUrl("demo"), "SELECT RUN_ID, Project FROM \"image-classification\".RUNS");
    assertEquals(other.runs().size(), rows.size());
    assertTrue(rows.stream().allMatch(r -> "image-classification".equals(r.get("project"))));
  }

  private static List<Map<String, Object>> query(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          Object value = rs.getObject(i);
          String label = rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
          if (value instanceof java.sql.Timestamp ts) {
            value = ts.toInstant();
          } else if (value instanceof String text && JSON_COLUMNS.contains(label)) {
            value = readTree(text);
          }
          row.put(label, value);
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** The rows the driver must return, computed from the dataset in W&B's default creation order. */
  private static List<Map<String, Object>> expectedRows(EmulatedProject project) throws Exception {
    List<EmulatedRun> runs = new ArrayList<>(project.runs());
    runs.sort(
        (a, b) ->
            a.createdAt().equals(b.createdAt())
                ? a.name().compareTo(b.name())
                : a.createdAt().compareTo(b.createdAt()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EmulatedRun run : runs) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("run_id", run.name());
      row.put("display_name", run.displayName());
      row.put("state", run.state());
      row.put("entity", project.entity());
      row.put("project", project.name());
      row.put("group_name", run.group());
      row.put("job_type", run.jobType());
      row.put("sweep_name", run.sweepName());
      row.put("tags", jsonTree(run.tags() == null ? List.of() : run.tags()));
      row.put("username", run.username());
      row.put("created_at", run.createdAt());
      row.put("heartbeat_at", run.heartbeatAt());
      row.put("git_commit", run.commit());
      row.put("notes", run.notes());
      row.put("description", run.description());
      row.put("history_line_count", (long) run.history().size());
      row.put("url", emulator.baseUrl() + "/acme/" + project.name() + "/runs/" + run.name());
      row.put("config", jsonTree(unwrapped(run.config())));
      row.put("summary", jsonTree(run.summary()));
      row.put("system_metrics", jsonTree(run.systemMetrics()));
      rows.add(row);
    }
    return rows;
  }

  /** A value as the driver's JSON text reads back: NaN and infinities are strings. */
  private static JsonNode jsonTree(Object value) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(value));
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode unwrapped(ObjectNode wrapped) {
    ObjectNode config = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = wrapped.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().equals("_wandb") || entry.getKey().equals("wandb_version")) {
        continue;
      }
      JsonNode value = entry.getValue();
      config.set(
          entry.getKey(), value.isObject() && value.has("value") ? value.get("value") : value);
    }
    return config;
  }
}
