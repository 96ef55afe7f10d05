// node-postgres against the wandb-jdbc PostgreSQL endpoint: a parameterized query and a named
// prepared statement run twice. Prints one JSON object. (pg 8.23's `binary` option is not
// tried: its protocol parser decodes every DataRow field as text.)
//   PGPASSWORD=<W&B API key> TZ=UTC node pg_client.js PORT DATABASE
const { Client } = require("pg");

const sql =
  'SELECT run_id, history_line_count, "summary.loss", created_at, "config.use_amp" ' +
  "FROM runs WHERE state = $1 AND history_line_count >= $2 ORDER BY run_id";

function plain(rows) {
  return rows.map((row) =>
    row.map((v) => (v instanceof Date ? v.toISOString() : v === null ? null : String(v)))
  );
}

async function main() {
  const client = new Client({
    host: "127.0.0.1",
    port: Number(process.argv[2]),
    database: process.argv[3],
    user: "wandb",
    password: process.env.PGPASSWORD,
  });
  await client.connect();
  const result = {};
  const text = await client.query({ text: sql, values: ["finished", 100], rowMode: "array" });
  result.text = plain(text.rows);
  const named = { name: "crashed-runs", text: sql, values: ["crashed", 0], rowMode: "array" };
  result.named = [plain((await client.query(named)).rows), plain((await client.query(named)).rows)];
  try {
    await client.query("SELECT nope FROM runs");
  } catch (error) {
    result.error = error.code;
  }
  result.after_error = (await client.query("SELECT COUNT(*) AS n FROM runs")).rows[0].n;
  await client.end();
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
