package io.github.wandbjdbc.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request budget through the MCP server, called by the official MCP Java SDK's client: a query
 * past {@code maxRequests} is a tool error with SQLState 54000, as through JDBC, and a query within
 * it says what it spent.
 */
class McpRequestBudgetTest {
  private static final String HISTORY_COUNT = "SELECT COUNT(*) FROM histories";

  private static WandbEmulator emulator;
  private static HttpServe server;
  private static McpSyncClient client;

  @BeforeAll
  static void start() throws Exception {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(7).withRunsPerProject(300).withHistorySteps(2000)));
    String url =
        emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), "") + ";maxRequests=10";
    server = HttpServe.start(url, "test", InetAddress.getLoopbackAddress(), 0, null);
    String key = emulator.apiKey();
    client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                    .endpoint(HttpServe.PATH)
                    .addHttpRequestCustomizer(
                        (request, method, uri, body, context) ->
                            request.header("Authorization", "Bearer " + key))
                    .build())
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    client.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.stop();
    emulator.close();
  }

  @Test
  void aQueryPastTheBudgetIsAToolErrorWith54000AsThroughJdbc() throws Exception {
    McpSchema.CallToolResult result = client.callTool(query(HISTORY_COUNT));
    assertTrue(Boolean.TRUE.equals(result.isError()), String.valueOf(result));
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertTrue(text.contains("54000") && text.contains("maxRequests=10"), text);

    try (Connection connection =
            DriverManager.getConnection(emulator.jdbcUrl("demo") + ";maxRequests=10");
        Statement statement = connection.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rows = statement.executeQuery(HISTORY_COUNT)) {
                  rows.next();
                }
              });
      assertEquals("54000", e.getSQLState());
    }
  }

  @Test
  void aQueryWithinTheBudgetSaysWhatItSpent() {
    McpSchema.CallToolResult result =
        client.callTool(query("SELECT COUNT(*) FROM runs WHERE state = 'finished'"));
    assertTrue(!Boolean.TRUE.equals(result.isError()), String.valueOf(result));
    Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
    Map<?, ?> spent = (Map<?, ?>) structured.get("wandb");
    assertEquals(1, ((Number) spent.get("requests")).intValue(), String.valueOf(spent));
  }

  private static McpSchema.CallToolRequest query(String sql) {
    return McpSchema.CallToolRequest.builder("query").arguments(Map.of("sql", sql)).build();
  }

  @Test
  void theServersDefaultBudgetGivesWayToTheUrls() {
    assertEquals(
        "jdbc:wandb:project=demo;maxRequests=200",
        DefaultBudget.withDefault("jdbc:wandb:project=demo"));
    assertEquals(
        "jdbc:wandb:project=demo;MAXREQUESTS=5",
        DefaultBudget.withDefault("jdbc:wandb:project=demo;MAXREQUESTS=5"));
  }
}
