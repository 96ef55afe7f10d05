package io.github.wandbjdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a desktop agent does: launch {@code bin/wandb-sql --serve-mcp --demo} as a command and talk
 * over its stdin and stdout (here with the official MCP Java SDK's client). It finds the four
 * tools, and {@code query} gives the rows {@code bin/wandb-sql --demo -e} prints.
 */
class McpDemoStdioTest {
  private static final String SQL =
      "SELECT run_id, state, history_line_count FROM runs ORDER BY run_id LIMIT 7";

  @Test
  void anAgentLaunchingTheDemoServerGetsTheToolsAndTheCommandLinesRows() throws Exception {
    ServerParameters command =
        new ServerParameters.Builder(ProcessHandle.current().info().command().orElse("java"))
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                WandbSqlWithEmulator.class.getName(),
                "--serve-mcp",
                "--demo")
            .build();
    List<String> viaMcp = new ArrayList<>();
    try (McpSyncClient client =
        McpClient.sync(new StdioClientTransport(command, McpJsonDefaults.getMapper()))
            .requestTimeout(Duration.ofSeconds(60))
            .build()) {
      client.initialize();
      assertEquals(
          List.of("describe_table", "explain", "list_tables", "query"),
          client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
      McpSchema.CallToolResult result =
          client.callTool(
              McpSchema.CallToolRequest.builder("query").arguments(Map.of("sql", SQL)).build());
      Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
      for (Object row : (List<?>) structured.get("rows")) {
        viaMcp.add(((List<?>) row).stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(
        0,
        WandbSqlWithEmulator.run(
            new String[] {"--demo", "-e", SQL},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            err));
    List<String> viaCli =
        new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    viaCli.remove(0); // the header
    assertEquals(viaCli, viaMcp);
  }
}
