package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R's DBI through RPostgreSQL (Debian's r-cran-rpostgresql), which lists tables and fields with its
 * own pg_catalog queries ({@code schemaname != 'information_schema'}, {@code current_schema()}) and
 * reads a table with {@code SELECT * FROM}.
 */
class PgRClientTest {
  private static final Path SCRIPT = Path.of("src/test/resources/pg-clients/r_dbi.R");
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
  void dbiListsTablesAndFieldsAndReadsATable() throws Exception {
    ExternalClient run = endpoint.runScript(dir, "/usr/bin/Rscript", SCRIPT);
    assertEquals(0, run.exit(), run.err());

    List<String> tables = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    int runs = 0;
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement()) {
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, "demo", "runs", "%")) {
        while (rs.next()) {
          fields.add(rs.getString("COLUMN_NAME"));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
        rs.next();
        runs = rs.getInt(1);
      }
    }
    tables.sort(null);
    // every project's tables, as pg_tables lists every schema's
    assertEquals(
        List.of(
            "tables: " + String.join(",", tables) + " ",
            "exists: TRUE FALSE ",
            "fields: " + String.join(",", fields) + " ",
            "rows: " + runs + " ",
            "columns: " + String.join(",", fields) + " "),
        run.out().lines().toList());
  }
}
