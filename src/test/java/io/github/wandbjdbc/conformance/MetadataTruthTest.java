package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 11, item 6: what {@code DatabaseMetaData} and the connection say is what queries do. Every
 * {@code supports*} claim that is true is tried here with a query that needs it.
 */
class MetadataTruthTest {
  private static final String NUMBERS = "(VALUES (1, 'a'), (CAST(NULL AS INTEGER), 'b'), (2, 'c'))";

  /** Each no-argument {@code supports*} method that answers true, and a query that needs it. */
  private static final Map<String, String> TRUE_CLAIMS =
      Map.ofEntries(
          Map.entry("supportsANSI92EntryLevelSQL", "SELECT DISTINCT state FROM runs WHERE 1 = 1"),
          Map.entry("supportsMinimumSQLGrammar", "SELECT run_id FROM runs WHERE state = 'x'"),
          Map.entry("supportsColumnAliasing", "SELECT run_id AS id FROM runs"),
          Map.entry(
              "supportsConvert", "SELECT {fn CONVERT(history_line_count, SQL_VARCHAR)} FROM runs"),
          Map.entry("supportsTableCorrelationNames", "SELECT r.run_id FROM runs r"),
          Map.entry(
              "supportsDifferentTableCorrelationNames",
              "SELECT a.run_id FROM runs a JOIN runs b ON a.run_id = b.run_id"),
          Map.entry(
              "supportsExpressionsInOrderBy", "SELECT run_id FROM runs ORDER BY UPPER(state)"),
          Map.entry("supportsOrderByUnrelated", "SELECT run_id FROM runs ORDER BY created_at"),
          Map.entry("supportsGroupBy", "SELECT state, COUNT(*) FROM runs GROUP BY state"),
          Map.entry("supportsGroupByUnrelated", "SELECT COUNT(*) FROM runs GROUP BY state"),
          Map.entry(
              "supportsGroupByBeyondSelect",
              "SELECT state, COUNT(*) FROM runs GROUP BY state, job_type"),
          Map.entry(
              "supportsLikeEscapeClause",
              "SELECT run_id FROM runs WHERE state LIKE 'a!_%' ESCAPE '!'"),
          Map.entry(
              "supportsNonNullableColumns", "SELECT run_id FROM runs WHERE run_id IS NOT NULL"),
          Map.entry(
              "supportsOuterJoins",
              "SELECT r.run_id FROM runs r LEFT JOIN histories h ON r.run_id = h.run_id"),
          Map.entry(
              "supportsFullOuterJoins",
              "SELECT a.x FROM (VALUES 1, 2) a(x) FULL JOIN (VALUES 2, 3) b(y) ON a.x = b.y"),
          Map.entry(
              "supportsLimitedOuterJoins",
              "SELECT r.run_id FROM runs r RIGHT JOIN runs s ON r.run_id = s.run_id"),
          Map.entry("supportsSchemasInDataManipulation", "SELECT run_id FROM \"demo\".runs"),
          Map.entry(
              "supportsSubqueriesInComparisons",
              "SELECT run_id FROM runs WHERE created_at = (SELECT MAX(created_at) FROM runs)"),
          Map.entry(
              "supportsSubqueriesInExists",
              "SELECT run_id FROM runs r WHERE EXISTS (SELECT 1 FROM runs s WHERE s.state = 'x')"),
          Map.entry(
              "supportsSubqueriesInIns",
              "SELECT run_id FROM runs WHERE run_id IN (SELECT run_id FROM runs)"),
          Map.entry(
              "supportsCorrelatedSubqueries",
              "SELECT run_id FROM runs r WHERE EXISTS"
                  + " (SELECT 1 FROM runs s WHERE s.run_id = r.run_id)"),
          Map.entry("supportsUnion", "SELECT state FROM runs UNION SELECT job_type FROM runs"),
          Map.entry("supportsUnionAll", "SELECT state FROM runs UNION ALL SELECT 'x' FROM runs"));

  private static WandbEmulator emulator;
  private Connection connection;
  private DatabaseMetaData metaData;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(6).withRunsPerProject(8)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void connect() throws SQLException {
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
    metaData = connection.getMetaData();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void nullsSortHighAsOrderByDoes() throws SQLException {
    assertEquals(
        Arrays.asList(1, 2, null), column("SELECT x FROM " + NUMBERS + " AS t(x, y) ORDER BY x"));
    assertEquals(
        Arrays.asList(null, 2, 1),
        column("SELECT x FROM " + NUMBERS + " AS t(x, y) ORDER BY x DESC"));
    List<Object> heartbeats = column("SELECT heartbeat_at FROM runs ORDER BY heartbeat_at DESC");
    assertTrue(heartbeats.contains(null), "the dataset has runs without a heartbeat");
    assertNull(heartbeats.get(0), "DESC puts NULL first on a W&B column too");
    assertNull(column("SELECT heartbeat_at FROM runs ORDER BY heartbeat_at").get(7));
    assertTrue(metaData.nullsAreSortedHigh());
    assertFalse(metaData.nullsAreSortedLow());
    assertFalse(metaData.nullsAreSortedAtStart());
    assertFalse(metaData.nullsAreSortedAtEnd());
  }

  @Test
  void everyTrueSupportsClaimWorks() throws Exception {
    Set<String> trueClaims = new TreeSet<>();
    for (Method method : DatabaseMetaData.class.getMethods()) {
      if (method.getName().startsWith("supports")
          && method.getParameterCount() == 0
          && (boolean) method.invoke(metaData)) {
        trueClaims.add(method.getName());
      }
    }
    assertEquals(new TreeSet<>(TRUE_CLAIMS.keySet()), trueClaims);
    try (Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> claim : TRUE_CLAIMS.entrySet()) {
        try (ResultSet rs = statement.executeQuery(claim.getValue())) {
          rs.next();
        } catch (SQLException e) {
          throw new AssertionError(claim.getKey() + " is true, but " + claim.getValue(), e);
        }
      }
    }
    assertTrue(metaData.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
    assertFalse(metaData.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    assertTrue(
        metaData.supportsResultSetConcurrency(
            ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
    assertTrue(metaData.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
    assertFalse(metaData.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
    assertTrue(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
  }

  @Test
  void claimsThatAreFalseFailAsTheySay() throws SQLException {
    assertFalse(metaData.supportsBatchUpdates());
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("SELECT 1");
      SQLFeatureNotSupportedException e =
          assertThrows(SQLFeatureNotSupportedException.class, statement::executeBatch);
      assertEquals("wandb-jdbc is read-only: batch updates are not supported", e.getMessage());
    }
    assertFalse(metaData.supportsStoredFunctionsUsingCallSyntax());
    assertUnsupported(() -> connection.prepareCall("{call f()}"));
    assertFalse(metaData.supportsTransactions());
    assertUnsupported(connection::setSavepoint);
    assertFalse(metaData.supportsGetGeneratedKeys());
    try (Statement statement = connection.createStatement()) {
      assertUnsupported(statement::getGeneratedKeys);
    }
  }

  @Test
  void typeInfoSizesAreTheSizesColumnsReport() throws SQLException {
    Map<Integer, List<Object>> columnSizes = new HashMap<>();
    for (String table : List.of("runs", "histories", "system_metrics")) {
      try (ResultSet rs = metaData.getColumns(null, "demo", table, null)) {
        while (rs.next()) {
          columnSizes.put(
              rs.getInt("DATA_TYPE"),
              Arrays.asList(rs.getString("TYPE_NAME"), rs.getObject("COLUMN_SIZE")));
        }
      }
    }
    assertEquals(Set.of(-5, 8, 12, 16, 93), columnSizes.keySet());
    Map<Integer, List<Object>> typeInfo = new HashMap<>();
    Map<String, Object> maximumScale = new TreeMap<>();
    try (ResultSet rs = metaData.getTypeInfo()) {
      while (rs.next()) {
        typeInfo.put(
            rs.getInt("DATA_TYPE"),
            Arrays.asList(rs.getString("TYPE_NAME"), rs.getObject("PRECISION")));
        maximumScale.put(rs.getString("TYPE_NAME"), rs.getObject("MAXIMUM_SCALE"));
      }
    }
    for (Map.Entry<Integer, List<Object>> column : columnSizes.entrySet()) {
      assertEquals(column.getValue(), typeInfo.get(column.getKey()));
    }
    assertEquals(Integer.MAX_VALUE, typeInfo.get(12).get(1));
    assertEquals(23, typeInfo.get(93).get(1));
    assertEquals((short) 3, maximumScale.get("TIMESTAMP"));
  }

  @Test
  void everyTableSaysWhatItHolds() throws SQLException {
    Map<String, String> remarks = new TreeMap<>();
    try (ResultSet rs = metaData.getTables(null, null, "%", null)) {
      while (rs.next()) {
        String remark = rs.getString("REMARKS");
        assertNotNull(remark, rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
        remarks.put(rs.getString("TABLE_NAME"), remark);
      }
    }
    assertEquals(
        Set.of("histories", "runs", "sampled_histories", "system_metrics"), remarks.keySet());
    assertTrue(remarks.get("runs").contains("one row per run"));
    assertTrue(remarks.get("histories").contains("every row"));
    assertTrue(remarks.get("sampled_histories").contains("sampled"));
    assertTrue(remarks.get("system_metrics").contains("system"));
  }

  @Test
  void listedFunctionsAreCallable() throws SQLException {
    Map<String, String> functions = new TreeMap<>();
    try (ResultSet rs = metaData.getFunctions(null, null, "%")) {
      while (rs.next()) {
        assertNull(rs.getString("FUNCTION_SCHEM"));
        assertEquals(DatabaseMetaData.functionNoTable, rs.getShort("FUNCTION_TYPE"));
        functions.put(rs.getString("FUNCTION_NAME"), rs.getString("REMARKS"));
      }
    }
    assertTrue(functions.size() > 100, "" + functions.keySet());
    assertEquals("aggregate function", functions.get("COUNT"));
    assertEquals("scalar function", functions.get("UPPER"));
    assertEquals(
        List.of("UPPER"), column("SELECT FUNCTION_NAME", metaData.getFunctions(null, "%", "UPP%")));
    assertEquals(
        List.of(), column("SELECT FUNCTION_NAME", metaData.getFunctions(null, "demo", "%")));
    Map<String, String> calls =
        Map.of(
            "ABS", "ABS(-2)",
            "UPPER", "UPPER('a')",
            "CHAR_LENGTH", "CHAR_LENGTH('abc')",
            "COALESCE", "COALESCE(NULL, 1)",
            "POWER", "POWER(2, 3)",
            "SUBSTRING", "SUBSTRING('abc' FROM 2)",
            "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP",
            "FLOOR", "FLOOR(1.5)",
            "MAX", "MAX(1)",
            "NULLIF", "NULLIF(1, 2)");
    for (Map.Entry<String, String> call : calls.entrySet()) {
      assertTrue(functions.containsKey(call.getKey()), call.getKey());
      assertEquals(
          1, column("SELECT " + call.getValue() + " FROM (VALUES 1)").size(), call.getKey());
    }
    Map<String, String> escapes =
        Map.of(
            metaData.getNumericFunctions(), "{fn ABS(-1)}, {fn MOD(7, 2)}, {fn PI()}",
            metaData.getStringFunctions(),
                "{fn UCASE('a')}, {fn CONCAT('a', 'b')}, {fn LTRIM(' a')}",
            metaData.getTimeDateFunctions(), "{fn NOW()}, {fn YEAR(DATE '2024-01-02')}",
            metaData.getSystemFunctions(), "{fn IFNULL(NULL, 1)}");
    for (Map.Entry<String, String> escape : escapes.entrySet()) {
      for (String name : escape.getValue().split("\\{fn ")) {
        if (!name.isBlank()) {
          assertTrue(
              List.of(escape.getKey().split(",")).contains(name.substring(0, name.indexOf('('))),
              escape.getKey() + " lists " + name);
        }
      }
      assertEquals(1, column("SELECT " + escape.getValue() + " FROM (VALUES 1)").size());
    }
  }

  @Test
  void theConnectionStaysReadOnlyWithoutCatalogs() throws SQLException {
    connection.setReadOnly(true);
    connection.setReadOnly(false);
    assertTrue(connection.isReadOnly());
    assertTrue(metaData.isReadOnly());
    SQLWarning warning = connection.getWarnings();
    assertTrue(
        warning.getMessage().contains("setReadOnly(false) is ignored"), warning.getMessage());
    connection.clearWarnings();
    assertNull(connection.getWarnings());

    connection.setCatalog("acme");
    assertNull(connection.getCatalog());
    assertTrue(connection.getWarnings().getMessage().contains("no catalogs"));
    connection.setCatalog(null);
    assertNull(connection.getCatalog());

    SQLException e = assertThrows(SQLException.class, () -> connection.setSchema("nope"));
    assertEquals("3F000", e.getSQLState());
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    assertEquals("demo", connection.getSchema());
    connection.setSchema("mnist-sweeps");
    assertEquals("mnist-sweeps", connection.getSchema());
  }

  @Test
  void executeUpdateRefusesAQueryBeforeRunningIt() throws SQLException {
    emulator.stats().reset();
    try (Statement statement = connection.createStatement()) {
      for (String sql :
          List.of(
              "SELECT 1",
              "select * from runs",
              " (VALUES 1)",
              "WITH t AS (SELECT 1) SELECT * FROM t")) {
        SQLException e = assertThrows(SQLException.class, () -> statement.executeUpdate(sql));
        assertEquals("07003", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains("use executeQuery"), e.getMessage());
      }
      assertEquals(
          "25006",
          assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM runs"))
              .getSQLState());
    }
    try (PreparedStatement prepared = connection.prepareStatement("SELECT run_id FROM runs")) {
      assertEquals(
          "07003", assertThrows(SQLException.class, prepared::executeUpdate).getSQLState());
    }
    assertEquals(0, emulator.stats().operations().getOrDefault("GetRuns", 0L), "nothing ran");
  }

  @Test
  void clientInfoIsKept() throws SQLException {
    connection.setClientInfo("ApplicationName", "notebook");
    assertEquals("notebook", connection.getClientInfo("ApplicationName"));
    Properties properties = new Properties();
    properties.setProperty("ClientUser", "ana");
    connection.setClientInfo(properties);
    assertNull(connection.getClientInfo("ApplicationName"));
    assertEquals("ana", connection.getClientInfo().getProperty("ClientUser"));
    connection.setClientInfo("ClientUser", null);
    assertTrue(connection.getClientInfo().isEmpty());
  }

  @Test
  void everyUnsupportedFeatureSaysWhatIsNotSupported() throws SQLException {
    assertEquals(
        "SELECT {fn UCASE(state)} FROM runs",
        connection.nativeSQL("SELECT {fn UCASE(state)} FROM runs"));
    List<Executable> refused = new ArrayList<>();
    refused.add(() -> connection.prepareCall("{call f()}"));
    refused.add(
        () ->
            connection.prepareCall(
                "{call f()}", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
    refused.add(() -> connection.prepareStatement("SELECT 1", Statement.RETURN_GENERATED_KEYS));
    refused.add(() -> connection.prepareStatement("SELECT 1", new int[] {1}));
    refused.add(() -> connection.prepareStatement("SELECT 1", new String[] {"a"}));
    refused.add(connection::getTypeMap);
    refused.add(() -> connection.setTypeMap(Map.of()));
    refused.add(connection::setSavepoint);
    refused.add(() -> connection.setSavepoint("s"));
    refused.add(() -> connection.rollback(null));
    refused.add(() -> connection.releaseSavepoint(null));
    refused.add(connection::createClob);
    refused.add(connection::createBlob);
    refused.add(connection::createNClob);
    refused.add(connection::createSQLXML);
    refused.add(() -> connection.createStruct("T", new Object[0]));
    Statement statement =
        connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
    refused.add(() -> statement.setCursorName("c"));
    refused.add(() -> statement.setEscapeProcessing(false));
    refused.add(() -> statement.executeUpdate("SELECT 1", Statement.RETURN_GENERATED_KEYS));
    refused.add(() -> statement.execute("SELECT 1", new int[] {1}));
    ResultSet rs = statement.executeQuery("SELECT run_id FROM runs");
    refused.add(rs::previous);
    refused.add(rs::first);
    refused.add(rs::last);
    refused.add(rs::isLast);
    refused.add(rs::beforeFirst);
    refused.add(rs::afterLast);
    refused.add(() -> rs.absolute(2));
    refused.add(() -> rs.relative(1));
    refused.add(rs::getCursorName);
    for (Executable call : refused) {
      assertUnsupported(call);
    }
    statement.setEscapeProcessing(true);
    statement.setPoolable(true);
    assertTrue(rs.next());
    statement.close();
  }

  private static void assertUnsupported(Executable call) {
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class, call);
    assertNotNull(e.getMessage(), "an unsupported feature says which");
    assertTrue(e.getMessage().startsWith("wandb-jdbc "), e.getMessage());
    assertEquals("0A000", e.getSQLState(), e.getMessage());
  }

  private List<Object> column(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return column(sql, statement.executeQuery(sql));
    }
  }

  private static List<Object> column(String label, ResultSet rs) throws SQLException {
    List<Object> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(
            label.equals("SELECT FUNCTION_NAME") ? rs.getString("FUNCTION_NAME") : rs.getObject(1));
      }
    }
    return values;
  }
}
