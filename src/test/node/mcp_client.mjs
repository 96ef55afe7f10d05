// The official TypeScript MCP SDK's client against `--serve-mcp` (McpTypeScriptClientTest): over
// stdio (MCP_COMMAND, a JSON array: the server's command line) or streamable HTTP (MCP_URL,
// MCP_TOKEN). Calls every tool and prints what it got as one JSON object on stdout.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const sql = process.env.MCP_SQL;
const transport = process.env.MCP_COMMAND
  ? (() => {
      const [command, ...args] = JSON.parse(process.env.MCP_COMMAND);
      return new StdioClientTransport({ command, args, stderr: "inherit" });
    })()
  : new StreamableHTTPClientTransport(new URL(process.env.MCP_URL), {
      requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
    });
const client = new Client({ name: "wandb-jdbc-test", version: "1.0.0" });
await client.connect(transport);
const call = (name, args) => client.callTool({ name, arguments: args });

const out = {};
out.tools = (await client.listTools()).tools.map((t) => ({ name: t.name, inputSchema: t.inputSchema }));
out.listTables = await call("list_tables", {});
out.describeRuns = await call("describe_table", { table: "runs" });
out.query = await call("query", { sql, maxRows: 5 });
out.queryAll = await call("query", { sql });
out.explain = await call("explain", { sql });
// Two calls at once, each on its own statement.
out.concurrent = await Promise.all([
  call("query", { sql: "SELECT COUNT(*) AS n FROM runs" }),
  call("query", { sql: "SELECT 1 AS x" }),
]);
out.errors = {
  unknownTable: await call("query", { sql: "SELECT * FROM nope" }),
  malformed: await call("query", { sql: "SELEC 1" }),
  hugeMaxRows: await call("query", { sql, maxRows: 20000 }),
  insert: await call("query", { sql: "INSERT INTO runs (run_id) VALUES ('x')" }),
  unknownDescribe: await call("describe_table", { table: "nope" }),
};
const resources = (await client.listResources()).resources;
out.resources = resources.map((r) => r.uri);
out.tablesDoc = (await client.readResource({ uri: "wandb-jdbc://docs/tables-and-columns" })).contents[0].text;
await client.close();
console.log(JSON.stringify(out));
