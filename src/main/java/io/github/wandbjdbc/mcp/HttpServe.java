package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server over streamable HTTP at {@code http://ADDR:PORT/mcp}: the SDK's servlet transport in
 * an embedded Jetty, behind {@link AuthenticatingFilter}.
 */
final class HttpServe {
  static final String PATH = "/mcp";

  private final Server jetty;
  private final McpSyncServer server;
  private final DriverConnections connections;

  private HttpServe(Server jetty, McpSyncServer server, DriverConnections connections) {
    this.jetty = jetty;
    this.server = server;
    this.connections = connections;
  }

  /**
   * @param sharedSecret the token every client sends, or null: each client's W&B key
   */
  static HttpServe start(
      String url, String version, InetAddress bind, int port, String sharedSecret)
      throws Exception {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    RunningCalls running = new RunningCalls();
    DriverConnections connections = new DriverConnections(url);
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(json)
            .mcpEndpoint(PATH)
            .contextExtractor(
                request ->
                    request.getAttribute(ToolCall.API_KEY) instanceof String key
                        ? McpTransportContext.create(Map.of(ToolCall.API_KEY, key))
                        : McpTransportContext.EMPTY)
            .build();
    McpSyncServer server =
        SqlServer.build(McpServer.sync(transport), json, connections, running, version);
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(bind.getHostAddress());
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder servlet = new ServletHolder(transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, PATH);
    FilterHolder filter =
        new FilterHolder(
            new AuthenticatingFilter(
                new BearerTokens(sharedSecret, connections), new CallTags(json, running), running));
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    jetty.setHandler(context);
    jetty.start();
    return new HttpServe(jetty, server, connections);
  }

  int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** Stops serving; Jetty's stop may fail with any exception. */
  void stop() throws Exception {
    try {
      server.close();
      jetty.stop();
    } finally {
      connections.close();
    }
  }
}
