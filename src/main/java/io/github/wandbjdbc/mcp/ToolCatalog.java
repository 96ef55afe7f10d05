package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/** The four tools as a model sees them: names, descriptions with the dialect's traps, schemas. */
final class ToolCatalog {
  static final String DIALECT =
      String.join(
          "\n",
          "SQL dialect (Apache Calcite over W&B):",
          "- Schemas are W&B projects; tables: runs (one row per run), histories (every logged"
              + " history row of each run), sampled_histories (the same columns, W&B's sample of"
              + " about 500 rows per run: much cheaper, use it for charts and trends),"
              + " system_metrics.",
          "- Discovered columns have dotted names and must be double-quoted: \"config.lr\","
              + " \"summary.acc\", \"train/loss\". Unquoted names are case-insensitive; quoted are"
              + " exact.",
          "- Rank by a metric with ORDER BY \"summary.acc\" DESC NULLS LAST (DESC puts NULLs first"
              + " otherwise), plus LIMIT.",
          "- Join runs and histories on run_id: SELECT r.run_id, h._step, h.loss FROM runs r JOIN"
              + " histories h ON h.run_id = r.run_id WHERE r.state = 'finished'.",
          "- Filter histories by run_id and _step ranges to keep W&B requests few; strings in"
              + " single quotes; tags is JSON text.",
          "Example: SELECT run_id, \"config.lr\", \"summary.acc\" FROM runs WHERE"
              + " \"config.optimizer\" = 'adam' ORDER BY \"summary.acc\" DESC NULLS LAST LIMIT 10");

  private ToolCatalog() {}

  static Tool listTables(McpJsonMapper json) {
    return Tool.builder("list_tables", json, "{\"type\":\"object\",\"properties\":{}}")
        .title("List W&B projects and tables")
        .description(
            "Lists the W&B projects of the entity as SQL schemas, each with its tables"
                + " (runs, histories, sampled_histories, system_metrics) and what they hold."
                + " Call it first; then describe_table for columns.")
        .annotations(readOnly())
        .build();
  }

  static Tool describeTable(McpJsonMapper json) {
    return Tool.builder(
            "describe_table",
            json,
            """
            {"type":"object","properties":{
              "table":{"type":"string","description":"runs, histories, sampled_histories or system_metrics"},
              "schema":{"type":"string","description":"the W&B project; default: the server's project"}},
             "required":["table"]}""")
        .title("Describe a table's columns")
        .description(
            "The columns of one table with types and remarks. For runs, also the discovered"
                + " \"config.*\" and \"summary.*\" keys with a sample value each (from one small"
                + " query over the newest runs). Column names with dots must be double-quoted in"
                + " SQL, e.g. \"summary.val_loss\".")
        .annotations(readOnly())
        .build();
  }

  static Tool query(McpJsonMapper json) {
    return Tool.builder(
            "query",
            json,
            """
            {"type":"object","properties":{
              "sql":{"type":"string","description":"one SQL statement, no trailing semicolon needed"},
              "maxRows":{"type":"integer","description":"row cap, 1 to 10000; default 200"},
              "timeoutSeconds":{"type":"integer","description":"stop the query after this long, 1 to 3600; default 120"}},
             "required":["sql"]}""")
        .title("Run read-only SQL on W&B")
        .description(
            "Runs one read-only SQL statement (SELECT, WITH, VALUES) on W&B data and returns column"
                + " names and types and rows as JSON, plus the W&B requests and bytes it spent."
                + " Rows are capped at maxRows (default 200, at most 10000); truncated=true says"
                + " more rows exist, so aggregate or filter rather than raise the cap. Each"
                + " statement has a W&B request budget: past it the call fails with SQLState"
                + " 54000 and says how to narrow the query. Errors come back with their SQLState"
                + " and message; fix the SQL and retry. Use explain to see the requests first.\n"
                + DIALECT)
        .annotations(readOnly())
        .build();
  }

  static Tool explain(McpJsonMapper json) {
    return Tool.builder(
            "explain",
            json,
            """
            {"type":"object","properties":{
              "sql":{"type":"string","description":"the statement to explain"}},
             "required":["sql"]}""")
        .title("Show a statement's plan and W&B requests")
        .description(
            "Shows the plan of a SQL statement and the W&B requests it would send (filters,"
                + " order, keys, step ranges pushed to W&B), without sending them. Use it to check"
                + " that a filter reaches W&B before querying a large project.\n"
                + DIALECT)
        .annotations(readOnly())
        .build();
  }

  private static ToolAnnotations readOnly() {
    return ToolAnnotations.builder()
        .readOnlyHint(true)
        .destructiveHint(false)
        .openWorldHint(true)
        .build();
  }
}
