package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgcli 3.5 (Debian's, on psycopg 3): every catalog query its completion refresher sends after
 * connecting succeeds, foreign keys included, and it completes the project's tables and columns.
 */
class PgcliCompletionTest {
  private static final Path SCRIPT = Path.of("src/test/resources/pg-clients/pgcli_completion.py");
  private static PgEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.close();
  }

  @Test
  void completesTablesAndColumnsAfterARefreshWithoutErrors() throws Exception {
    ExternalClient run = endpoint.runScript(dir, "/usr/bin/python3", SCRIPT);
    assertEquals(0, run.exit(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());

    assertEquals(
        "[\"schemata\",\"tables\",\"views\",\"types\",\"databases\",\"casing\",\"functions\"]",
        result.get("refreshed").toString());
    assertEquals("[\"pg_catalog\",\"demo\"]", result.get("search_path").toString());
    List<String> tables = strings(result.get("tables"));
    for (String table : List.of("histories", "runs", "sampled_histories", "system_metrics")) {
      assertTrue(tables.contains(table), table + " in " + tables);
      assertTrue(tables.contains("\"mnist-sweeps\"." + table), "another project's " + table);
    }
    List<String> columns = new ArrayList<>();
    try (Connection c = endpoint.jdbc();
        ResultSet rs = c.getMetaData().getColumns(null, "demo", "runs", "%")) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        columns.add(name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name + "\"");
      }
    }
    assertTrue(
        strings(result.get("run_columns")).containsAll(columns),
        "pgcli completes every column of runs: " + result.get("run_columns"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
