package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The server on standard input and output, as a desktop agent launches it: one session, until the
 * agent closes the input. Stdout carries protocol messages only.
 */
final class StdioServe {
  private StdioServe() {}

  /** Serves until {@code in} ends; then cancels what still runs. */
  static void serve(String url, String version, InputStream in, OutputStream out)
      throws InterruptedException {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    RunningCalls running = new RunningCalls();
    CountDownLatch ended = new CountDownLatch(1);
    TaggedInput input =
        new TaggedInput(
            in,
            new CallTags(json, running),
            () -> {
              running.cancelChannel(TaggedInput.CHANNEL);
              ended.countDown();
            });
    try (DriverConnections connections = new DriverConnections(url)) {
      McpSyncServer server =
          SqlServer.build(
              McpServer.sync(new StdioServerTransportProvider(json, input, out)),
              json,
              connections,
              running,
              version);
      try {
        ended.await();
      } finally {
        server.close();
      }
    }
  }
}
