package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.TableFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactoryImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The connection's {@code DatabaseMetaData} answers, as GUI and BI tools walk them: projects are
 * schemas of no catalog (TABLE_CAT null, {@code getCatalogs} empty), tables are {@code TABLE}s,
 * columns carry plain type names, sizes and W&B remarks, and {@link TableFacts} gives the primary
 * keys. Nothing here sends a W&B request of its own: listing schemas reads the project list and
 * listing columns a project's column discovery, each made once per connection.
 */
final class WandbMeta extends CalciteMetaImpl {
  /** The types a column or a CAST can have, in {@code getTypeInfo}; Calcite lists 49. */
  private static final Set<SqlTypeName> USABLE_TYPES =
      Set.of(
          SqlTypeName.BOOLEAN,
          SqlTypeName.TINYINT,
          SqlTypeName.SMALLINT,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DECIMAL,
          SqlTypeName.REAL,
          SqlTypeName.DOUBLE,
          SqlTypeName.CHAR,
          SqlTypeName.VARCHAR,
          SqlTypeName.DATE,
          SqlTypeName.TIME,
          SqlTypeName.TIMESTAMP);

  /**
   * Typed as our connection: Calcite's protected constructor takes its package-private connection
   * class, which ours extends, so no cast to that class is needed here.
   */
  WandbMeta(WandbConnection connection) {
    super(connection, CalciteMetaTableFactoryImpl.INSTANCE, new WandbColumnFactory());
    // Read-only and without transactions: every statement stands alone.
    connProps.setAutoCommit(true).setReadOnly(true);
    connProps.setDirty(false);
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return createEmptyResultSet(MetaCatalog.class);
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return catalog == null || catalog.isEmpty()
        ? super.getSchemas(ch, null, schemaPattern)
        : createEmptyResultSet(MetaSchema.class);
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return rows(MetadataColumns.TABLE_TYPES, List.<Object[]>of(new Object[] {"TABLE"}));
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    if (catalog != null && !catalog.isEmpty()) {
      return createEmptyResultSet(MetaTable.class);
    }
    // JDBC orders tables by type, schema and name; Calcite lists a schema's tables unordered.
    List<MetaTable> tables = new ArrayList<>();
    super.getTables(ch, null, schemaPattern, tableNamePattern, typeList)
        .firstFrame
        .rows
        .forEach(row -> tables.add((MetaTable) row));
    tables.sort(
        Comparator.comparing((MetaTable t) -> t.tableType)
            .thenComparing(t -> t.tableSchem)
            .thenComparing(t -> t.tableName));
    DeclaredTableFacts facts = declaredFacts();
    List<Object[]> rows = new ArrayList<>();
    for (MetaTable t : tables) {
      rows.add(
          new Object[] {
            null,
            t.tableSchem,
            t.tableName,
            t.tableType,
            facts.remarks(t.tableSchem, t.tableName),
            null,
            null,
            null,
            null,
            null
          });
    }
    return rows(MetadataColumns.TABLES, rows);
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    return catalog == null || catalog.isEmpty()
        ? super.getColumns(ch, null, schemaPattern, tableNamePattern, columnNamePattern)
        : createEmptyResultSet(MetaColumn.class);
  }

  /** A null schema or table matches any. */
  @Override
  public MetaResultSet getPrimaryKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    List<Object[]> rows =
        catalog == null || catalog.isEmpty()
            ? declaredFacts().primaryKeys(schema, table)
            : List.of();
    return rows(MetadataColumns.PRIMARY_KEYS, rows);
  }

  @Override
  public MetaResultSet getImportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return foreignKeys(catalog, schema, null, schema, table);
  }

  @Override
  public MetaResultSet getExportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return foreignKeys(catalog, schema, table, schema, null);
  }

  @Override
  public MetaResultSet getCrossReference(
      ConnectionHandle ch,
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable) {
    boolean noCatalog = foreignCatalog == null || foreignCatalog.isEmpty();
    return foreignKeys(
        noCatalog ? parentCatalog : foreignCatalog,
        parentSchema,
        parentTable,
        foreignSchema,
        foreignTable);
  }

  /** The foreign keys the tables declare, restricted by exact names (null = any). */
  private MetaResultSet foreignKeys(
      String catalog, String pkSchema, String pkTable, String fkSchema, String fkTable) {
    List<Object[]> rows =
        catalog == null || catalog.isEmpty()
            ? declaredFacts().foreignKeys(pkSchema, pkTable, fkSchema, fkTable)
            : List.of();
    return rows(MetadataColumns.FOREIGN_KEYS, rows);
  }

  private DeclaredTableFacts declaredFacts() {
    return new DeclaredTableFacts(((CalciteConnection) connection).getRootSchema());
  }

  /**
   * Calcite's rows for the usable types only, sized as {@code getColumns} sizes columns, ordered by
   * DATA_TYPE as JDBC asks.
   */
  @Override
  protected Enumerable<MetaTypeInfo> allTypeInfo() {
    List<MetaTypeInfo> types = new ArrayList<>();
    for (MetaTypeInfo type : super.allTypeInfo()) {
      if (USABLE_TYPES.contains(SqlTypeName.get(type.typeName))) {
        types.add(ColumnTypeFacts.of(type.dataType).applyTo(type));
      }
    }
    types.sort(
        Comparator.<MetaTypeInfo>comparingInt(t -> t.dataType).thenComparing(t -> t.typeName));
    return Linq4j.asEnumerable(types);
  }

  /**
   * The SQL functions of Calcite's standard operator table, which every query can call: built in,
   * so of no schema (FUNCTION_SCHEM null, matched by a null, empty or all-{@code %} pattern).
   */
  @Override
  public MetaResultSet getFunctions(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
    String schemas = schemaPattern.s;
    boolean builtInsMatch =
        (catalog == null || catalog.isEmpty())
            && (schemas == null || schemas.isEmpty() || schemas.matches("%+"));
    List<Object[]> rows = builtInsMatch ? BuiltInFunctions.rows(functionNamePattern.s) : List.of();
    return rows(MetadataColumns.FUNCTIONS, rows);
  }

  /** A plain {@code Statement} cannot bind a {@code ?}: see {@link UnboundParameters}. */
  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    return super.prepareAndExecute(
        h, sql, maxRowCount, maxRowsInFirstFrame, UnboundParameters.refusing(sql, callback));
  }

  /** Nothing to commit or roll back: the connection only reads. */
  @Override
  public void commit(ConnectionHandle ch) {}

  @Override
  public void rollback(ConnectionHandle ch) {}

  private MetaResultSet rows(List<ColumnMetaData> columns, List<Object[]> rows) {
    return createResultSet(
        Map.of(), columns, CursorFactory.ARRAY, new Frame(0, true, new ArrayList<Object>(rows)));
  }
}
