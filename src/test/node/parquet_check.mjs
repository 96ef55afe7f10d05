// Reads W&B-style parquet history exports with arrow-rs's parquet reader (parquet-wasm), the way
// the official client's reader does: a HEAD for the length, then range reads. Prints one JSON
// object per URL: its row count, row groups, columns with their Arrow types, its rows, and the
// _step column alone read by column projection.
//   node parquet_check.mjs URL...
import { createRequire } from "node:module";
import { tableFromIPC } from "apache-arrow";

const { ParquetFile } = createRequire(import.meta.url)("parquet-wasm/node");

function plain(value) {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (typeof v === "bigint" ? Number(v) : v))
  );
}

async function check(url) {
  const file = await ParquetFile.fromUrl(url);
  const table = tableFromIPC((await file.read()).intoIPCStream());
  const steps = tableFromIPC((await file.read({ columns: ["_step"] })).intoIPCStream());
  return {
    rows: table.numRows,
    rowGroups: file.metadata().numRowGroups(),
    columns: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })),
    data: plain(table.toArray().map((row) => row.toJSON())),
    steps: { columns: steps.numCols, rows: steps.numRows },
  };
}

const results = [];
for (const url of process.argv.slice(2)) {
  results.push(await check(url));
}
console.log(JSON.stringify(results));
