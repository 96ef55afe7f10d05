package io.github.wandbjdbc.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.pgwire.ExternalClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP Inspector's CLI mode (npm {@code @modelcontextprotocol/inspector --cli}), what one runs
 * from a shell: {@code tools/list} and {@code tools/call} over streamable HTTP with the key as the
 * bearer token.
 */
class McpInspectorCliTest {
  private static final Path INSPECTOR =
      McpEndpoint.NODE_DIR.resolve(
          "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");

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

  private JsonNode inspect(String... methodArgs) throws Exception {
    assertTrue(
        Files.isRegularFile(INSPECTOR),
        "npm @modelcontextprotocol/inspector is missing: run `npm ci --prefix src/test/node`"
            + " (bin/run-tests does)");
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/node",
                INSPECTOR.toString(),
                "--cli",
                endpoint.url(),
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + endpoint.apiKey()));
    command.addAll(List.of(methodArgs));
    // Its own HOME: the Inspector may keep a catalog of servers there.
    ExternalClient run = ExternalClient.run(dir, Map.of("HOME", dir.toString()), command);
    assertEquals(0, run.exit(), run.out() + run.err());
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void listsTheToolsAndCallsQuery() throws Exception {
    JsonNode tools = inspect("--method", "tools/list");
    assertEquals(
        List.of("list_tables", "describe_table", "query", "explain"),
        tools.get("tools").findValuesAsText("name"));

    JsonNode result =
        inspect(
            "--method",
            "tools/call",
            "--tool-name",
            "query",
            "--tool-arg",
            "sql=SELECT COUNT(*) AS n FROM runs WHERE state = 'finished'");
    assertEquals(false, result.get("isError").asBoolean());
    assertTrue(result.at("/structuredContent/rows/0/0").asLong() > 0, result.toString());
  }
}
