// A client that gives up (McpCancelTest): starts a slow query over streamable HTTP, aborts it
// after MCP_ABORT_MS (the SDK then sends notifications/cancelled), and runs one more query.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const transport = new StreamableHTTPClientTransport(new URL(process.env.MCP_URL), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
const client = new Client({ name: "wandb-jdbc-cancel-test", version: "1.0.0" });
await client.connect(transport);
const out = {};
try {
  await client.callTool(
    { name: "query", arguments: { sql: process.env.MCP_SQL } },
    undefined,
    { signal: AbortSignal.timeout(Number(process.env.MCP_ABORT_MS)) },
  );
  out.aborted = false;
} catch (e) {
  out.aborted = true;
  out.abortError = String(e);
}
out.after = await client.callTool({ name: "query", arguments: { sql: "SELECT 1 AS still_here" } });
await client.close();
console.log(JSON.stringify(out));
