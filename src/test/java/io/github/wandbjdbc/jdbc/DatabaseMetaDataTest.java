package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What DatabaseMetaData tells a GUI or BI tool about the demo dataset, row by row. */
class DatabaseMetaDataTest {
  /** Every project's tables, in name order as JDBC lists them. */
  private static final List<String> TABLES =
      List.of("histories", "runs", "sampled_histories", "system_metrics");

  private static final List<String> PROJECTS =
      List.of("demo", "empty-project", "image-classification", "mnist-sweeps");
  private static final List<String> FOREIGN_KEY_COLUMNS =
      List.of(
          "PKTABLE_CAT",
          "PKTABLE_SCHEM",
          "PKTABLE_NAME",
          "PKCOLUMN_NAME",
          "FKTABLE_CAT",
          "FKTABLE_SCHEM",
          "FKTABLE_NAME",
          "FKCOLUMN_NAME",
          "KEY_SEQ",
          "UPDATE_RULE",
          "DELETE_RULE",
          "FK_NAME",
          "PK_NAME",
          "DEFERRABILITY");
  private static WandbEmulator emulator;
  private Connection connection;
  private DatabaseMetaData metaData;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(1)));
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
  void fixedColumnsHavePlainTypesRealSizesNullabilityAndW$BRemarks() throws SQLException {
    Map<String, List<Object>> columns = columns("demo");
    assertEquals(
        Arrays.asList(
            "demo",
            "runs",
            1,
            "VARCHAR",
            12,
            Integer.MAX_VALUE,
            null,
            null,
            0,
            "NO",
            "W&B run field name (the run id in W&B URLs)"),
        columns.get("run_id"));
    assertEquals(
        Arrays.asList(
            "demo",
            "runs",
            2,
            "VARCHAR",
            12,
            Integer.MAX_VALUE,
            null,
            null,
            1,
            "YES",
            "W&B run field displayName"),
        columns.get("display_name"));
    assertEquals(
        Arrays.asList(
            "demo",
            "runs",
            11,
            "TIMESTAMP",
            93,
            23,
            3,
            null,
            0,
            "NO",
            "W&B run field createdAt (UTC)"),
        columns.get("created_at"));
    assertEquals(
        Arrays.asList(
            "demo",
            "runs",
            12,
            "TIMESTAMP",
            93,
            23,
            3,
            null,
            1,
            "YES",
            "W&B run field heartbeatAt (UTC)"),
        columns.get("heartbeat_at"));
    assertEquals(
        Arrays.asList(
            "demo",
            "runs",
            16,
            "BIGINT",
            -5,
            19,
            0,
            10,
            1,
            "YES",
            "W&B run field historyLineCount"),
        columns.get("history_line_count"));
    assertEquals(
        Arrays.asList(
            "demo",
            "runs",
            10,
            "VARCHAR",
            12,
            Integer.MAX_VALUE,
            null,
            null,
            1,
            "YES",
            "W&B run field user.username"),
        columns.get("username"));
  }

  @Test
  void discoveredColumnsNameTheirW$BKeyAndFilterKey() throws SQLException {
    Map<String, List<Object>> columns = columns("demo");
    assertEquals(
        Arrays.asList(
            "DOUBLE", 8, 15, null, 10, 1, "YES", "W&B config key lr, filter key config.lr"),
        columns.get("config.lr").subList(3, 11));
    assertEquals(
        Arrays.asList(
            "BOOLEAN",
            16,
            1,
            null,
            null,
            1,
            "YES",
            "W&B config key use_amp, filter key config.use_amp"),
        columns.get("config.use_amp").subList(3, 11));
    assertEquals(
        Arrays.asList(
            "BIGINT",
            -5,
            19,
            0,
            10,
            1,
            "YES",
            "W&B config key model.layers, filter key config.model.layers"),
        columns.get("config.model.layers").subList(3, 11));
    assertEquals(
        "W&B config key layer_sizes, as JSON text, evaluated locally",
        columns.get("config.layer_sizes").get(10));
    assertEquals(
        "W&B summaryMetrics key val_loss, filter key summary_metrics.val_loss",
        columns.get("summary.val_loss").get(10));
  }

  @Test
  void everyColumnHasAPlainTypeNameAndItsPosition() throws SQLException {
    for (String project : PROJECTS) {
      List<List<Object>> columns = new ArrayList<>(columns(project).values());
      assertTrue(columns.size() >= 20, project);
      for (int i = 0; i < columns.size(); i++) {
        List<Object> column = columns.get(i);
        assertEquals(i + 1, column.get(2), project + " " + column);
        assertTrue(
            List.of("VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "TIMESTAMP").contains(column.get(3)),
            project + " " + column);
        assertTrue(
            ((String) column.get(10)).startsWith("W&B ")
                || ((String) column.get(10)).startsWith("the "),
            project + " " + column);
      }
    }
  }

  @Test
  void noCatalogsAndTableCatIsNullEverywhere() throws SQLException {
    assertEquals(List.of(), rows(metaData.getCatalogs()));
    List<List<Object>> schemas = rows(metaData.getSchemas());
    assertEquals(PROJECTS.stream().map(p -> Arrays.<Object>asList(p, null)).toList(), schemas);
    List<List<Object>> expectedTables =
        PROJECTS.stream()
            .flatMap(p -> TABLES.stream().map(t -> Arrays.<Object>asList(null, p, t, "TABLE")))
            .toList();
    assertEquals(expectedTables, firstColumns(rows(metaData.getTables(null, null, "%", null)), 4));
    assertEquals(expectedTables, firstColumns(rows(metaData.getTables("", null, null, null)), 4));
    assertEquals(
        PROJECTS.stream().map(p -> Arrays.<Object>asList(null, p, "runs", "TABLE")).toList(),
        firstColumns(rows(metaData.getTables(null, null, "runs", new String[] {"TABLE"})), 4));
    assertEquals(List.of(), rows(metaData.getTables("acme", null, "%", null)));
    assertEquals(List.of(), rows(metaData.getSchemas("acme", null)));
    assertEquals(List.of(), rows(metaData.getColumns("acme", "demo", "runs", null)));
    assertEquals(List.of(List.of("TABLE")), rows(metaData.getTableTypes()));
    assertEquals(null, connection.getCatalog());
  }

  @Test
  void runsHasRunIdAsPrimaryKeyInEveryProject() throws SQLException {
    assertEquals(
        List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
        labels(metaData.getPrimaryKeys(null, "demo", "runs")));
    assertEquals(
        List.of(Arrays.asList(null, "demo", "runs", "run_id", (short) 1, "runs_pk")),
        rows(metaData.getPrimaryKeys(null, "demo", "runs")));
    assertEquals(
        PROJECTS,
        rows(metaData.getPrimaryKeys(null, null, "runs")).stream().map(row -> row.get(1)).toList());
    assertEquals(
        List.of(
            Arrays.asList(null, "demo", "histories", "_step", (short) 2, "histories_pk"),
            Arrays.asList(null, "demo", "histories", "run_id", (short) 1, "histories_pk")),
        rows(metaData.getPrimaryKeys(null, "demo", "histories")));
    assertEquals(List.of(), rows(metaData.getPrimaryKeys(null, "demo", "system_metrics")));
    assertEquals(List.of(), rows(metaData.getPrimaryKeys(null, "no-such-project", "runs")));
    assertEquals(List.of(), rows(metaData.getPrimaryKeys("acme", "demo", "runs")));
  }

  @Test
  void historyTablesReferToRunsAndIndexesAreEmpty() throws SQLException {
    List<Object> histories =
        Arrays.asList(
            null,
            "demo",
            "runs",
            "run_id",
            null,
            "demo",
            "histories",
            "run_id",
            (short) 1,
            (short) DatabaseMetaData.importedKeyNoAction,
            (short) DatabaseMetaData.importedKeyNoAction,
            "histories_runs_fk",
            "runs_pk",
            (short) DatabaseMetaData.importedKeyNotDeferrable);
    ResultSet imported = metaData.getImportedKeys(null, "demo", "histories");
    assertEquals(FOREIGN_KEY_COLUMNS, labels(imported));
    assertEquals(List.of(histories), rows(imported));
    assertEquals(
        List.of("histories", "sampled_histories", "system_metrics"),
        rows(metaData.getExportedKeys(null, "demo", "runs")).stream().map(r -> r.get(6)).toList());
    assertEquals(
        List.of(histories),
        rows(metaData.getCrossReference(null, "demo", "runs", null, "demo", "histories")));
    for (ResultSet none :
        List.of(
            metaData.getImportedKeys(null, "demo", "runs"),
            metaData.getExportedKeys(null, "demo", "histories"),
            metaData.getCrossReference(null, "demo", "runs", null, "demo", "runs"),
            metaData.getImportedKeys("acme", "demo", "histories"))) {
      assertEquals(FOREIGN_KEY_COLUMNS, labels(none));
      assertEquals(List.of(), rows(none));
    }
    ResultSet indexes = metaData.getIndexInfo(null, "demo", "runs", false, true);
    assertEquals(
        List.of(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "NON_UNIQUE",
            "INDEX_QUALIFIER",
            "INDEX_NAME",
            "TYPE",
            "ORDINAL_POSITION",
            "COLUMN_NAME",
            "ASC_OR_DESC",
            "CARDINALITY",
            "PAGES",
            "FILTER_CONDITION"),
        labels(indexes));
    assertEquals(List.of(), rows(indexes));
  }

  @Test
  void typeInfoListsUsableTypesInDataTypeOrder() throws SQLException {
    List<List<Object>> types = rows(metaData.getTypeInfo());
    assertEquals(
        List.of(
            "TINYINT",
            "BIGINT",
            "CHAR",
            "DECIMAL",
            "INTEGER",
            "SMALLINT",
            "REAL",
            "DOUBLE",
            "VARCHAR",
            "BOOLEAN",
            "DATE",
            "TIME",
            "TIMESTAMP"),
        types.stream().map(row -> row.get(0)).toList());
    List<Integer> dataTypes = types.stream().map(row -> (Integer) row.get(1)).toList();
    assertEquals(dataTypes.stream().sorted().toList(), dataTypes);
  }

  @Test
  void productDriverAndCapabilities() throws SQLException, IOException {
    Properties driver = new Properties();
    try (InputStream in = WandbDriver.class.getResourceAsStream("driver.properties")) {
      driver.load(in);
    }
    assertFalse(driver.getProperty("driver.version").contains("${"), "driver.properties filtered");
    assertEquals("Weights & Biases", metaData.getDatabaseProductName());
    assertEquals(driver.getProperty("product.version"), metaData.getDatabaseProductVersion());
    assertEquals("wandb-jdbc", metaData.getDriverName());
    assertEquals(driver.getProperty("driver.version"), metaData.getDriverVersion());
    assertFalse(DriverManager.getDriver("jdbc:wandb:").jdbcCompliant());
    assertTrue(metaData.isReadOnly());
    assertFalse(metaData.supportsTransactions());
    assertEquals(Connection.TRANSACTION_NONE, metaData.getDefaultTransactionIsolation());
    assertTrue(connection.isReadOnly());
    assertTrue(connection.getAutoCommit());
  }

  @Test
  void isolationLevelsAreAcceptedAsNoOpsAndCommitHasNothingToDo() throws SQLException {
    for (int level :
        new int[] {
          Connection.TRANSACTION_NONE,
          Connection.TRANSACTION_READ_UNCOMMITTED,
          Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ,
          Connection.TRANSACTION_SERIALIZABLE
        }) {
      connection.setTransactionIsolation(level);
      assertEquals(Connection.TRANSACTION_NONE, connection.getTransactionIsolation());
    }
    SQLException e = assertThrows(SQLException.class, () -> connection.setTransactionIsolation(3));
    assertEquals("HY024", e.getSQLState());
    connection.setAutoCommit(false);
    connection.commit();
    connection.rollback();
    connection.close();
    assertThrows(
        SQLException.class,
        () -> connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
  }

  /**
   * By column name: TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION, TYPE_NAME, DATA_TYPE, COLUMN_SIZE,
   * DECIMAL_DIGITS, NUM_PREC_RADIX, NULLABLE, IS_NULLABLE, REMARKS; TABLE_CAT must be null.
   */
  @Test
  void resultSetSizesAgreeWithGetColumns() throws SQLException {
    Map<String, List<Object>> columns = columns("demo");
    try (java.sql.Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM runs WHERE 1=0")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(columns.size(), md.getColumnCount());
      for (int i = 1; i <= md.getColumnCount(); i++) {
        List<Object> column = columns.get(md.getColumnName(i));
        Object decimalDigits = column.get(6);
        assertEquals(
            List.of(column.get(4), column.get(5), decimalDigits == null ? 0 : decimalDigits),
            List.of(md.getColumnType(i), md.getPrecision(i), md.getScale(i)),
            md.getColumnName(i));
      }
    }
    try (java.sql.Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CAST(state AS VARCHAR(10)), 'abc', created_at,"
                    + " CAST(NULL AS VARCHAR) FROM runs WHERE 1=0")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(
          List.of(10, 3, 23, Integer.MAX_VALUE),
          List.of(md.getPrecision(1), md.getPrecision(2), md.getPrecision(3), md.getPrecision(4)));
      assertEquals(
          List.of(10, 23, Integer.MAX_VALUE),
          List.of(
              md.getColumnDisplaySize(1), md.getColumnDisplaySize(3), md.getColumnDisplaySize(4)));
    }
  }

  private Map<String, List<Object>> columns(String project) throws SQLException {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    try (ResultSet rs = metaData.getColumns(null, project, "runs", null)) {
      while (rs.next()) {
        assertEquals(null, rs.getString("TABLE_CAT"));
        columns.put(
            rs.getString("COLUMN_NAME"),
            Arrays.asList(
                rs.getString("TABLE_SCHEM"),
                rs.getString("TABLE_NAME"),
                rs.getInt("ORDINAL_POSITION"),
                rs.getString("TYPE_NAME"),
                rs.getInt("DATA_TYPE"),
                rs.getObject("COLUMN_SIZE"),
                rs.getObject("DECIMAL_DIGITS"),
                rs.getObject("NUM_PREC_RADIX"),
                rs.getInt("NULLABLE"),
                rs.getString("IS_NULLABLE"),
                rs.getString("REMARKS")));
      }
    }
    return columns;
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      List<List<Object>> rows = new ArrayList<>();
      int count = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      labels.add(md.getColumnLabel(i));
    }
    return labels;
  }

  private static List<List<Object>> firstColumns(List<List<Object>> rows, int n) {
    return rows.stream().map(row -> row.subList(0, n)).toList();
  }
}
