package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One export generation of one run: which rows its files hold, which are live, and the files
 * themselves, written on first request and then kept. Terminal runs (anything but running and
 * pending) are exported whole. Running and pending runs are read live, except in {@link
 * ExportMode#PARTIAL}, where a running run's first {@value #PARTIAL_SHARE_PERCENT}% of rows are
 * exported and the live rows start at the last exported step, so that step is in both.
 */
final class RunExport {
  static final int ROWS_PER_FILE = 4_000;
  static final int PARTIAL_SHARE_PERCENT = 60;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EmulatedRun run;
  private final int generation;
  private final boolean stepAsDouble;
  private final List<ObjectNode> fileRows;
  private final List<ObjectNode> liveRows;
  private final byte[][] files;
  private ExportSchema schema;

  RunExport(EmulatedRun run, int generation, ExportSettings settings) {
    this.run = run;
    this.generation = generation;
    this.stepAsDouble = settings.stepAsDouble();
    List<ObjectNode> rows = new ArrayList<>(run.history());
    rows.sort(Comparator.comparingDouble(row -> row.path(ExportSchema.STEP).asDouble()));
    boolean live = "running".equals(run.state()) || "pending".equals(run.state());
    int exported = exportedRows(live, rows.size(), settings.mode());
    this.fileRows = List.copyOf(rows.subList(0, exported));
    this.liveRows =
        live && settings.mode() != ExportMode.NONE
            ? List.copyOf(rows.subList(Math.max(0, exported - 1), rows.size()))
            : List.of();
    this.files = new byte[(exported + ROWS_PER_FILE - 1) / ROWS_PER_FILE][];
  }

  private static int exportedRows(boolean live, int rows, ExportMode mode) {
    if (mode == ExportMode.NONE || (live && mode != ExportMode.PARTIAL)) {
      return 0;
    }
    boolean cut = live || mode == ExportMode.STALE;
    return cut && rows > 0
        ? Math.max(1, (int) Math.round(rows * PARTIAL_SHARE_PERCENT / 100.0))
        : rows;
  }

  EmulatedRun run() {
    return run;
  }

  int generation() {
    return generation;
  }

  int fileCount() {
    return files.length;
  }

  /** The parquet bytes of file {@code index}, written on first use. */
  synchronized byte[] file(int index) {
    if (files[index] == null) {
      if (schema == null) {
        schema = ExportSchema.of(fileRows, stepAsDouble);
      }
      int from = index * ROWS_PER_FILE;
      files[index] =
          ParquetExportWriter.write(
              schema, fileRows.subList(from, Math.min(from + ROWS_PER_FILE, fileRows.size())));
    }
    return files[index];
  }

  /** The live rows holding only {@code liveKeys}, and {@code _step} always, as a float. */
  ArrayNode liveData(List<String> liveKeys) {
    ArrayNode data = NODES.arrayNode();
    for (ObjectNode row : liveRows) {
      ObjectNode live = data.addObject();
      live.put(ExportSchema.STEP, row.path(ExportSchema.STEP).asDouble());
      for (String key : liveKeys) {
        JsonNode value = row.get(key);
        if (value != null && !key.equals(ExportSchema.STEP)) {
          live.set(key, value);
        }
      }
    }
    return data;
  }
}
