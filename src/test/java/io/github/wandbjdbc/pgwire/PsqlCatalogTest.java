package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql 15's describe commands against the endpoint, each answered by Calcite over the pg_catalog
 * relations: the rows must be the driver's own metadata, in psql's shape.
 */
class PsqlCatalogTest {
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

  private List<String> psql(String... commands) throws Exception {
    ExternalClient result = run(commands);
    assertEquals(0, result.exit(), result.err());
    assertFalse(result.err().contains("ERROR"), result.err());
    return result.out().lines().toList();
  }

  private ExternalClient run(String... commands) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/psql",
                "--no-psqlrc",
                "--csv",
                "postgresql://wandb@127.0.0.1:" + endpoint.port() + "/" + endpoint.entity()));
    for (String c : commands) {
      command.add("-c");
      command.add(c);
    }
    return ExternalClient.run(
        dir, Map.of("PGPASSWORD", endpoint.apiKey(), "PGCONNECT_TIMEOUT", "10"), command);
  }

  @Test
  void describePlusListsTheColumnsWithTheirDescriptions() throws Exception {
    List<String> expected =
        new ArrayList<>(
            List.of(
                "Column,Type,Collation,Nullable,Default,Storage,Compression,Stats"
                    + " target,Description"));
    try (Connection c = endpoint.jdbc();
        ResultSet rs = c.getMetaData().getColumns(null, "demo", "runs", "%")) {
      while (rs.next()) {
        String type = FormatType.of(rs.getInt("DATA_TYPE"));
        boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
        String remarks = rs.getString("REMARKS");
        expected.add(
            String.join(
                ",",
                rs.getString("COLUMN_NAME"),
                type,
                "",
                notNull ? "not null" : "",
                "",
                type.equals("text") ? "extended" : "plain",
                "",
                "",
                remarks.contains(",") ? "\"" + remarks + "\"" : remarks));
      }
    }
    assertTrue(expected.size() > 20, "the demo project's runs have discovered columns");
    assertEquals(expected, psql("\\d+ runs"));
    // expanded display changes nothing in CSV, and the command still works
    assertEquals(expected, psql("\\x on", "\\d+ runs").subList(1, expected.size() + 1));
  }

  @Test
  void schemasDatabaseAndAllTablesAreListed() throws Exception {
    List<String> projects = new ArrayList<>();
    try (Connection c = endpoint.jdbc();
        ResultSet rs = c.getMetaData().getSchemas()) {
      while (rs.next()) {
        projects.add(rs.getString("TABLE_SCHEM"));
      }
    }
    projects.sort(null);
    List<String> schemas = new ArrayList<>(List.of("Name,Owner"));
    projects.forEach(p -> schemas.add(p + ",wandb"));
    assertEquals(schemas, psql("\\dn"));

    assertEquals(
        List.of(
            "Name,Owner,Encoding,Collate,Ctype,ICU Locale,Locale Provider,Access privileges",
            endpoint.entity() + ",wandb,UTF8,C.UTF-8,C.UTF-8,,libc,"),
        psql("\\l"));

    List<String> all = psql("\\dt *.*");
    for (String project : projects) {
      for (String table : List.of("histories", "runs", "sampled_histories", "system_metrics")) {
        assertTrue(all.contains(project + "," + table + ",table,wandb"), project + "." + table);
      }
    }
    assertTrue(all.contains("pg_catalog,pg_class,table,wandb"), all.toString());
  }

  @Test
  void whatWandbHasNoneOfIsListedEmpty() throws Exception {
    assertEquals(List.of("Schema,Name,Result data type,Argument data types,Type"), psql("\\df"));
    assertEquals(List.of("Schema,Name,Description"), psql("\\dT"));
    ExternalClient views = run("\\dv");
    assertEquals(0, views.exit(), views.err());
    assertEquals("", views.out());
    assertEquals(List.of("Did not find any relations."), views.err().lines().toList());
  }

  @Test
  void primaryKeysAreBackedByIndexesAsInPostgres() throws Exception {
    List<String> expected = new ArrayList<>(List.of("Schema,Name,Type,Owner,Table"));
    try (Connection c = endpoint.jdbc();
        ResultSet rs = c.getMetaData().getPrimaryKeys(null, "demo", null)) {
      java.util.Set<String> keyed = new java.util.TreeSet<>();
      while (rs.next()) {
        keyed.add(rs.getString("TABLE_NAME"));
      }
      keyed.forEach(t -> expected.add("demo," + t + "_pkey,index,wandb," + t));
    }
    assertEquals(expected, psql("\\di"));
  }
}
