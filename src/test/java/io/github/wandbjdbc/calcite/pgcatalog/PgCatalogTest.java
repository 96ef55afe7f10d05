package io.github.wandbjdbc.calcite.pgcatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pg_catalog and information_schema through the driver's PostgreSQL dialect: answers come from the
 * tables' own facts, for queries no client sends as well, and a scan fixed to one relation
 * discovers only that relation's columns.
 */
class PgCatalogTest {
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(42)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(emulator.jdbcUrl("demo") + ";dialect=postgresql");
  }

  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void anAdHocCatalogJoinAnswersWhatJdbcMetadataSays() throws SQLException {
    List<List<String>> expected = new ArrayList<>();
    try (Connection plain = DriverManager.getConnection(emulator.jdbcUrl("demo"));
        ResultSet rs = plain.getMetaData().getColumns(null, "demo", "runs", "%")) {
      while (rs.next()) {
        expected.add(
            List.of(
                rs.getString("ORDINAL_POSITION"),
                rs.getString("COLUMN_NAME"),
                rs.getString("REMARKS")));
      }
    }
    try (Connection c = connect()) {
      assertEquals(
          expected,
          rows(
              c,
              "SELECT col.ordinal_position, col.column_name, d.description"
                  + " FROM information_schema.columns col"
                  + " JOIN pg_namespace n ON n.nspname = col.table_schema"
                  + " JOIN pg_class k ON k.relnamespace = n.oid AND k.relname = col.table_name"
                  + " LEFT JOIN pg_description d"
                  + "   ON d.objoid = k.oid AND d.objsubid = col.ordinal_position"
                  + " WHERE col.table_schema = 'demo' AND col.table_name = 'runs'"
                  + " ORDER BY col.ordinal_position"));
    }
  }

  @Test
  void oidsAreStableAndKeysAreDeclared() throws SQLException {
    String oid =
        "SELECT oid FROM pg_class WHERE relname = 'runs' AND relnamespace = "
            + "(SELECT oid FROM pg_namespace WHERE nspname = 'demo')";
    try (Connection a = connect();
        Connection b = connect()) {
      assertEquals(rows(a, oid), rows(b, oid));
      assertEquals(rows(a, oid), rows(a, "SELECT 'demo.runs'::regclass"));
      assertEquals(
          List.of(
              List.of("histories_run_id_fkey", "f", "FOREIGN KEY (run_id) REFERENCES runs(run_id)"),
              List.of("histories_pkey", "p", "PRIMARY KEY (run_id, _step)")),
          rows(
              a,
              "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint"
                  + " WHERE conrelid = 'demo.histories'::regclass ORDER BY contype"));
      assertEquals(
          List.of(List.of("PRIMARY KEY", "runs_pkey")),
          rows(
              a,
              "SELECT constraint_type, constraint_name FROM information_schema.table_constraints"
                  + " WHERE table_schema = 'demo' AND table_name = 'runs'"));
    }
  }

  @Test
  void aScanFixedToOneRelationDiscoversOnlyItsColumns() throws SQLException {
    try (Connection c = connect()) {
      emulator.stats().reset();
      rows(c, "SELECT attname FROM pg_attribute WHERE attrelid = 'demo.runs'::regclass");
      long one = emulator.stats().requests();
      emulator.stats().reset();
      rows(c, "SELECT count(*) FROM pg_attribute");
      long all = emulator.stats().requests();
      assertTrue(one > 0, "the runs table's columns are discovered");
      assertTrue(all > one, "every project's tables: " + all + " requests, one table: " + one);
      emulator.stats().reset();
      rows(c, "SELECT relname FROM pg_class");
      assertEquals(0, emulator.stats().requests(), "listing relations discovers no columns");
    }
  }

  @Test
  void postgresFunctionsAndColumnNames() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT format_type(20, -1), 1 + 1, CASE WHEN 1 = 1 THEN 'a' END,"
                    + " current_schema(), 'r' = ANY('{r,v}'), 'x' = ANY('{a,NULL}'),"
                    + " 'x' <> ALL('{a,b}'), c.oid::regclass FROM pg_class c"
                    + " WHERE c.relname = 'pg_class'")) {
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        labels.add(rs.getMetaData().getColumnLabel(i));
      }
      assertEquals(
          List.of(
              "format_type",
              "?column?",
              "case",
              "current_schema",
              "?column?",
              "?column?",
              "?column?",
              "oid"),
          labels);
      assertTrue(rs.next());
      assertEquals("bigint", rs.getString(1));
      assertEquals("demo", rs.getString(4));
      assertTrue(rs.getBoolean(5));
      assertNull(rs.getObject(6), "no match but a NULL element: NULL, as in PostgreSQL");
      assertTrue(rs.getBoolean(7));
      assertEquals(1259, rs.getInt(8));
    }
  }

  @Test
  void setReturningItemsWalkTheirArray() throws SQLException {
    try (Connection c = connect()) {
      assertEquals(
          List.of(List.of("1", "1"), List.of("2", "2")),
          rows(
              c,
              "SELECT unnest(conkey) AS attnum, generate_subscripts(conkey, 1) AS i"
                  + " FROM pg_constraint WHERE contype = 'p'"
                  + " AND conrelid = 'demo.histories'::regclass ORDER BY i"));
      // two arrays walk in step, the shorter padded with NULLs; their values come back as text
      assertEquals(
          List.of(
              Arrays.asList("histories_pkey", "1", null),
              Arrays.asList("histories_pkey", "2", null),
              List.of("histories_run_id_fkey", "1", "1")),
          rows(
              c,
              "SELECT * FROM (SELECT conname, unnest(conkey) AS k, unnest(confkey) AS f"
                  + " FROM pg_constraint WHERE conrelid = 'demo.histories'::regclass) t"
                  + " ORDER BY conname, k"));
      SQLException threeArrays =
          assertThrows(
              SQLException.class,
              () ->
                  rows(
                      c,
                      "SELECT unnest(conkey), unnest(confkey), unnest(conpfeqop)"
                          + " FROM pg_constraint"));
      assertTrue(threeArrays.getMessage().contains("3 arrays"), threeArrays.getMessage());
    }
  }

  @Test
  void unknownNamesAndPlainConnections() throws SQLException {
    try (Connection c = connect()) {
      SQLException unknown =
          assertThrows(SQLException.class, () -> rows(c, "SELECT 'demo.nope'::regclass"));
      assertTrue(
          unknown.getMessage().contains("relation \"demo.nope\" does not exist"),
          unknown.getMessage());
    }
    try (Connection plain = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      SQLException none =
          assertThrows(SQLException.class, () -> rows(plain, "SELECT * FROM pg_catalog.pg_class"));
      assertNotEquals(null, none.getSQLState());
    }
  }
}
