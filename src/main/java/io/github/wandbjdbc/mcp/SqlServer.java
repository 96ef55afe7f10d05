package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;

/** The MCP server's features on any transport: the four SQL tools and the documentation. */
final class SqlServer {
  static final String NAME = "wandb-jdbc";
  private static final String INSTRUCTIONS =
      "SQL over Weights & Biases runs and histories. Start with list_tables, then describe_table"
          + " (runs shows the discovered \"config.*\" and \"summary.*\" keys), then query. Each"
          + " statement has a W&B request budget; explain shows the requests a statement would"
          + " send. The resources hold the column reference and example queries.";

  private SqlServer() {}

  static <S extends McpServer.SyncSpecification<S>> McpSyncServer build(
      McpServer.SyncSpecification<S> spec,
      McpJsonMapper json,
      DriverConnections connections,
      RunningCalls running,
      String version) {
    return spec.serverInfo(NAME, version)
        .instructions(INSTRUCTIONS)
        .jsonMapper(json)
        .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).build())
        .tools(
            List.of(
                tool(ToolCatalog.listTables(json), connections, running, CatalogTools::listTables),
                tool(
                    ToolCatalog.describeTable(json),
                    connections,
                    running,
                    CatalogTools::describeTable),
                tool(ToolCatalog.query(json), connections, running, QueryTool::run),
                tool(ToolCatalog.explain(json), connections, running, ExplainTool::run)))
        .resources(DocResources.all())
        .build();
  }

  private static SyncToolSpecification tool(
      Tool tool, DriverConnections connections, RunningCalls running, ToolCall.Work work) {
    return new SyncToolSpecification(
        tool, (exchange, request) -> ToolCall.run(connections, running, exchange, request, work));
  }
}
