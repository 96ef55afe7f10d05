package io.github.wandbjdbc.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.pgwire.ExternalClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that aborts a call: the TypeScript SDK sends {@code notifications/cancelled}, and the
 * call's statement stops. The emulator takes 300 ms per request and pages one run at a time, so a
 * full scan of the 40 runs would take 12 s.
 */
class McpCancelTest {
  private static McpEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = McpEndpoint.start(EmulatorConfig.defaults().withLatencyMs(300), ";pageSize=1");
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.stop();
  }

  private static long runsRequests() {
    return endpoint.emulator.stats().operations().getOrDefault("Runs", 0L);
  }

  @Test
  void anAbortedCallCancelsItsStatement() throws Exception {
    ExternalClient run =
        ExternalClient.run(
            dir,
            Map.of(
                "MCP_URL",
                endpoint.url(),
                "MCP_TOKEN",
                endpoint.apiKey(),
                "MCP_SQL",
                "SELECT run_id FROM runs",
                "MCP_ABORT_MS",
                "1500"),
            List.of("/usr/bin/node", McpEndpoint.NODE_DIR.resolve("mcp_cancel.mjs").toString()));
    assertEquals(0, run.exit(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertTrue(result.get("aborted").asBoolean(), result.toString());
    assertEquals(1, result.at("/after/structuredContent/rows/0/0").asInt(), result.toString());
    long afterClient = runsRequests();
    Thread.sleep(1500);
    long later = runsRequests();
    assertTrue(later <= afterClient + 1, "still paging: " + afterClient + " then " + later);
    assertTrue(later < 30, "runs pages read: " + later);
  }
}
