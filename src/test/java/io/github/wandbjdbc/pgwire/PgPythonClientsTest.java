package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psycopg2, SQLAlchemy's inspector (what Superset uses) and pandas.read_sql over SQLAlchemy, from
 * Debian's python3, against the endpoint.
 */
class PgPythonClientsTest {
  private static final Path SCRIPT =
      Path.of(
          System.getProperty("basedir", "."),
          "src/test/resources/pg-clients/psycopg2_sqlalchemy.py");

  private static PgEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.writeRecord("psycopg2-sqlalchemy");
    endpoint.close();
  }

  @Test
  void psycopg2SqlAlchemyAndPandasReadWhatJdbcReads() throws Exception {
    ExternalClient run = endpoint.runScript(dir, "/usr/bin/python3", SCRIPT);
    assertEquals(0, run.exit(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());

    List<String> finished = new ArrayList<>();
    List<String> runIds = new ArrayList<>();
    List<String> schemas = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT run_id, state FROM runs WHERE state = 'finished' ORDER BY run_id")) {
        while (rs.next()) {
          finished.add("[\"" + rs.getString(1) + "\",\"" + rs.getString(2) + "\"]");
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT run_id FROM runs ORDER BY run_id")) {
        while (rs.next()) {
          runIds.add("\"" + rs.getString(1) + "\"");
        }
      }
      DatabaseMetaData metaData = c.getMetaData();
      try (ResultSet rs = metaData.getSchemas()) {
        while (rs.next()) {
          schemas.add("\"" + rs.getString("TABLE_SCHEM") + "\"");
        }
      }
      try (ResultSet rs = metaData.getTables(null, "demo", "%", null)) {
        while (rs.next()) {
          tables.add("\"" + rs.getString("TABLE_NAME") + "\"");
        }
      }
      try (ResultSet rs = metaData.getColumns(null, "demo", "runs", "%")) {
        while (rs.next()) {
          String type =
              FormatType.of(rs.getInt("DATA_TYPE"))
                  // SQLAlchemy 1.4's type names for what format_type() gives
                  .replace("timestamp without time zone", "timestamp")
                  .replace("double precision", "double_precision")
                  .toUpperCase(java.util.Locale.ROOT);
          boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
          columns.add(
              "[\"" + rs.getString("COLUMN_NAME") + "\",\"" + type + "\"," + nullable + "]");
        }
      }
    }
    // pg_namespace also holds information_schema, which SQLAlchemy lists as PostgreSQL's
    schemas.add("\"information_schema\"");
    schemas.sort(null);
    assertEquals("[" + String.join(",", finished) + "]", result.get("psycopg2_rows").toString());
    assertEquals("42703", result.get("psycopg2_error").asText());
    assertEquals("[" + String.join(",", schemas) + "]", result.get("schemas").toString());
    assertEquals("[" + String.join(",", tables) + "]", result.get("tables").toString());
    assertEquals("[" + String.join(",", columns) + "]", result.get("columns").toString());
    assertEquals(
        "{\"run_id\":\"object\",\"created_at\":\"datetime64[ns]\",\"history_line_count\":\"int64\","
            + "\"summary.loss\":\"float64\"}",
        result.get("dtypes").toString());
    assertEquals("[" + String.join(",", runIds) + "]", result.get("frame_run_ids").toString());
    assertTrue(result.get("frame_missing_loss").asInt() > 0, "NULL and NaN losses read as NaN");

    // reflection through pg_catalog: the search path is the session's project
    assertEquals("[true,true,false]", result.get("has_table").toString());
    assertEquals(
        "{\"constrained_columns\":[\"run_id\",\"_step\"],\"name\":\"histories_pkey\"}",
        result.get("primary_key").toString());
    assertEquals("[]", result.get("indexes").toString(), "a primary key's index is not listed");
    assertEquals(
        "[{\"name\":\"histories_run_id_fkey\",\"constrained_columns\":[\"run_id\"],"
            + "\"referred_schema\":\"demo\",\"referred_table\":\"runs\","
            + "\"referred_columns\":[\"run_id\"],\"options\":{}}]",
        result.get("foreign_keys").toString());
    try (Connection c = endpoint.jdbc();
        ResultSet rs = c.getMetaData().getTables(null, "demo", "runs", null)) {
      assertTrue(rs.next());
      assertEquals(rs.getString("REMARKS"), result.get("table_comment").asText());
    }
    List<String> quotedColumns = new ArrayList<>();
    for (String column : columns) {
      quotedColumns.add(column.substring(1, column.indexOf(',')));
    }
    assertEquals(
        "[" + runIds.size() + ",[" + String.join(",", quotedColumns) + "]]",
        result.get("table_shape").toString(),
        "pandas.read_sql_table reads every run with every column");
  }
}
