package io.github.wandbjdbc.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.pgwire.ExternalClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official TypeScript MCP SDK's client (npm {@code @modelcontextprotocol/sdk}, installed by
 * bin/run-tests into src/test/node) over stdio and over streamable HTTP: lists the tools, calls
 * each, and reads the same rows from {@code query} as JDBC does.
 */
class McpTypeScriptClientTest {
  private static final String SQL =
      "SELECT run_id, state, \"summary.acc\", \"config.lr\" FROM runs"
          + " WHERE state = 'finished' ORDER BY \"summary.acc\" DESC NULLS LAST, run_id";

  private static McpEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = McpEndpoint.start(EmulatorConfig.defaults(), "");
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.stop();
  }

  @Test
  void overStdio() throws Exception {
    String command = new ObjectMapper().writeValueAsString(endpoint.stdioCommand());
    check(run(Map.of("MCP_COMMAND", command)));
  }

  @Test
  void overStreamableHttp() throws Exception {
    check(run(Map.of("MCP_URL", endpoint.url(), "MCP_TOKEN", endpoint.apiKey())));
  }

  private JsonNode run(Map<String, String> transport) throws Exception {
    assertTrue(
        Files.isDirectory(McpEndpoint.NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk")),
        "npm @modelcontextprotocol/sdk is missing: run `npm ci --prefix src/test/node`"
            + " (bin/run-tests does)");
    Map<String, String> env = new java.util.HashMap<>(transport);
    env.put("MCP_SQL", SQL);
    ExternalClient run =
        ExternalClient.run(
            dir,
            env,
            List.of("/usr/bin/node", McpEndpoint.NODE_DIR.resolve("mcp_client.mjs").toString()));
    assertEquals(0, run.exit(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  private static void check(JsonNode result) throws Exception {
    List<String> tools = result.get("tools").findValuesAsText("name");
    assertEquals(List.of("list_tables", "describe_table", "query", "explain"), tools);

    JsonNode schemas = result.at("/listTables/structuredContent/schemas");
    assertTrue(schemas.toString().contains("\"name\":\"sampled_histories\""), schemas.toString());
    JsonNode columns = result.at("/describeRuns/structuredContent/columns");
    assertTrue(columns.findValuesAsText("name").contains("summary.acc"), columns.toString());
    assertTrue(columns.toString().contains("\"sample\""), "samples: " + columns);

    ArrayNode expected = jdbcRows();
    JsonNode all = result.at("/queryAll/structuredContent");
    assertEquals(expected, all.get("rows"));
    assertFalse(all.get("truncated").asBoolean());
    JsonNode cut = result.at("/query/structuredContent");
    assertEquals(5, cut.get("rows").size());
    assertTrue(cut.get("truncated").asBoolean());
    assertEquals("DOUBLE", cut.at("/columns/2/type").asText());
    assertTrue(result.at("/query/content/0/text").asText().contains("cut at maxRows=5"));

    assertTrue(
        result.at("/explain/structuredContent/wandbRequests/0").asText().startsWith("runs("),
        result.get("explain").toString());
    assertEquals(
        "1",
        result.at("/concurrent/1/structuredContent/rows/0/0").asText(),
        result.get("concurrent").toString());

    Map<String, String> states =
        Map.of(
            "unknownTable", "42S02",
            "malformed", "42000",
            "hugeMaxRows", "22023",
            "insert", "25006",
            "unknownDescribe", "42S02");
    states.forEach(
        (name, state) -> {
          JsonNode error = result.at("/errors/" + name);
          assertTrue(error.get("isError").asBoolean(), name + ": " + error);
          assertEquals(state, error.at("/structuredContent/error/sqlState").asText(), name);
        });
    assertTrue(
        result.get("resources").toString().contains("wandb-jdbc://examples/01-best-adam-runs"));
    assertTrue(result.get("tablesDoc").asText().startsWith("## Tables and columns"));
  }

  /** The rows as the query tool writes them: JSON numbers, strings and nulls. */
  private static ArrayNode jdbcRows() throws Exception {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      while (rs.next()) {
        ArrayNode row = rows.addArray();
        row.add(rs.getString(1));
        row.add(rs.getString(2));
        for (int column = 3; column <= 4; column++) {
          double value = rs.getDouble(column);
          if (rs.wasNull()) {
            row.addNull();
          } else {
            row.add(value);
          }
        }
      }
    }
    assertTrue(rows.size() > 5, "finished runs: " + rows.size());
    return rows;
  }
}
