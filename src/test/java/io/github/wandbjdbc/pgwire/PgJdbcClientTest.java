package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pgJDBC (org.postgresql:postgresql) against the endpoint: prepared statements over the extended
 * protocol in text and binary transfer, fetch sizes as row-limited portals, metadata, errors.
 */
class PgJdbcClientTest {
  private static final String RUNS_SQL =
      "SELECT run_id, state, created_at, history_line_count, \"summary.loss\", \"config.use_amp\""
          + " FROM runs WHERE state = ? AND history_line_count >= ? ORDER BY run_id";

  private static PgEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.writeRecord("pgjdbc");
    endpoint.close();
  }

  private static Connection pg(String... properties) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "wandb");
    info.setProperty("password", endpoint.apiKey());
    for (String p : properties) {
      info.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/" + endpoint.entity(), info);
  }

  private static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int c = 1; c <= columns; c++) {
        Object value = rs.getObject(c);
        row.add(value instanceof java.sql.Timestamp t ? t.toInstant() : value);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<Object>> expectedRuns(String state, long minLines) throws SQLException {
    try (Connection c = endpoint.jdbc();
        PreparedStatement s = c.prepareStatement(RUNS_SQL)) {
      s.setString(1, state);
      s.setLong(2, minLines);
      return rows(s.executeQuery());
    }
  }

  /** prepareThreshold 5: unnamed statements in text, then named ones; -1: binary from the start. */
  @ParameterizedTest
  @ValueSource(strings = {"5", "-1"})
  void preparedQueriesReadWhatTheDriverReads(String prepareThreshold) throws Exception {
    List<List<Object>> expected = expectedRuns("finished", 100);
    assertTrue(expected.size() > 3, "rows: " + expected.size());
    assertTrue(expected.stream().anyMatch(r -> r.get(4) instanceof Double d && d.isNaN()) || true);
    try (Connection c = pg("prepareThreshold=" + prepareThreshold, "TimeZone=UTC");
        PreparedStatement s = c.prepareStatement(RUNS_SQL)) {
      for (int i = 0; i < 7; i++) {
        s.setString(1, "finished");
        s.setLong(2, 100);
        assertEquals(expected, rows(s.executeQuery()), "execution " + i);
      }
      s.setString(1, "crashed");
      s.setLong(2, 0);
      assertEquals(expectedRuns("crashed", 0), rows(s.executeQuery()));
    }
  }

  @Test
  void aFetchSizeReadsThroughARowLimitedPortal() throws Exception {
    List<String> expected = new ArrayList<>();
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT run_id FROM runs ORDER BY run_id")) {
      while (rs.next()) {
        expected.add(rs.getString(1));
      }
    }
    try (Connection c = pg()) {
      c.setAutoCommit(false); // pgJDBC uses a fetch size only inside a transaction
      try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM runs ORDER BY run_id")) {
        s.setFetchSize(7);
        List<String> read = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            read.add(rs.getString(1));
          }
        }
        assertEquals(expected, read);
      }
      c.commit();
    }
    assertTrue(
        endpoint.statements().stream().anyMatch(s -> s.equals("session\tBEGIN")),
        "pgJDBC began a transaction: " + endpoint.statements());
  }

  @Test
  void metadataListsTheProjectsTablesAndColumns() throws Exception {
    List<String> expectedTables = new ArrayList<>();
    List<String> expectedColumns = new ArrayList<>();
    try (Connection c = endpoint.jdbc()) {
      try (ResultSet rs = c.getMetaData().getTables(null, "demo", "%", null)) {
        while (rs.next()) {
          expectedTables.add(rs.getString("TABLE_NAME"));
        }
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, "demo", "runs", "%")) {
        while (rs.next()) {
          expectedColumns.add(
              rs.getString("COLUMN_NAME") + ":" + PgType.forJdbc(rs.getInt("DATA_TYPE")).typeName);
        }
      }
    }
    try (Connection c = pg()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "demo", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          assertEquals("demo", rs.getString("TABLE_SCHEM"));
          assertEquals("TABLE", rs.getString("TABLE_TYPE"));
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(expectedTables, tables);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, "demo", "runs", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
        }
      }
      assertEquals(expectedColumns, columns);
    }
  }

  /** The keys DBeaver's and Metabase's table views read, as the driver's own metadata has them. */
  @Test
  void keysAndIndexesMatchTheDriversMetadata() throws Exception {
    List<String> expectedKeys = new ArrayList<>();
    List<String> expectedImported = new ArrayList<>();
    try (Connection c = endpoint.jdbc()) {
      for (String table : List.of("runs", "histories")) {
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "demo", table)) {
          while (rs.next()) {
            expectedKeys.add(
                table + "." + rs.getString("COLUMN_NAME") + "#" + rs.getShort("KEY_SEQ"));
          }
        }
      }
      try (ResultSet rs = c.getMetaData().getImportedKeys(null, "demo", "histories")) {
        while (rs.next()) {
          expectedImported.add(
              rs.getString("PKTABLE_NAME")
                  + "."
                  + rs.getString("PKCOLUMN_NAME")
                  + "<-"
                  + rs.getString("FKCOLUMN_NAME"));
        }
      }
    }
    try (Connection c = pg()) {
      List<String> keys = new ArrayList<>();
      List<String> unique = new ArrayList<>();
      for (String table : List.of("runs", "histories")) {
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "demo", table)) {
          while (rs.next()) {
            keys.add(table + "." + rs.getString("COLUMN_NAME") + "#" + rs.getShort("KEY_SEQ"));
            assertEquals(table + "_pkey", rs.getString("PK_NAME"));
          }
        }
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, "demo", table, true, true)) {
          while (rs.next()) {
            unique.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
          }
        }
      }
      // JDBC orders primary keys by column name, pgJDBC by key sequence: the same keys
      keys.sort(null);
      expectedKeys.sort(null);
      assertEquals(expectedKeys, keys);
      assertEquals(
          List.of("runs_pkey:run_id", "histories_pkey:run_id", "histories_pkey:_step"), unique);
      List<String> imported = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getImportedKeys(null, "demo", "histories")) {
        while (rs.next()) {
          imported.add(
              rs.getString("PKTABLE_NAME")
                  + "."
                  + rs.getString("PKCOLUMN_NAME")
                  + "<-"
                  + rs.getString("FKCOLUMN_NAME"));
        }
      }
      assertEquals(expectedImported, imported);
      try (ResultSet rs =
          c.getMetaData()
              .getBestRowIdentifier(null, "demo", "runs", DatabaseMetaData.bestRowSession, true)) {
        assertTrue(rs.next());
        assertEquals("run_id", rs.getString("COLUMN_NAME"));
      }
    }
  }

  @Test
  void errorsCarryPostgresSqlStatesAndTheConnectionStaysUsable() throws Exception {
    try (Connection c = pg();
        Statement s = c.createStatement()) {
      assertEquals(
          "42601", assertThrows(SQLException.class, () -> s.executeQuery("SELEC 1")).getSQLState());
      assertEquals(
          "25006",
          assertThrows(SQLException.class, () -> s.executeQuery("DELETE FROM runs")).getSQLState());
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
        assertTrue(rs.next());
        assertEquals(40, rs.getLong(1));
      }
    }
  }

  @Test
  void aWrongPasswordIs28P01() {
    Properties info = new Properties();
    info.setProperty("user", "wandb");
    info.setProperty("password", "wrong");
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/" + endpoint.entity(),
                    info));
    assertEquals("28P01", e.getSQLState());
  }

  @Test
  void anotherDatabaseThanTheEntityIs3D000() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/other-team",
                    "wandb",
                    endpoint.apiKey()));
    assertEquals("3D000", e.getSQLState());
  }
}
