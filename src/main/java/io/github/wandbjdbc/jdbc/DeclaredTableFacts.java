package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.TableFacts;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * What the connection's tables declare about themselves ({@link TableFacts}), as the rows of {@code
 * getTables} remarks, {@code getPrimaryKeys} and the foreign-key calls. Reading them sends no
 * request. Schema and table names are exact (null = any).
 */
final class DeclaredTableFacts {
  private final SchemaPlus root;

  DeclaredTableFacts(SchemaPlus root) {
    this.root = root;
  }

  /** What the table says it holds, or null. */
  String remarks(String schema, String table) {
    SchemaPlus project = root.subSchemas().get(schema);
    return project != null && project.tables().get(table) instanceof TableFacts facts
        ? facts.remarks()
        : null;
  }

  /** JDBC: rows ordered by COLUMN_NAME (within each table). */
  List<Object[]> primaryKeys(String schema, String table) {
    List<Object[]> rows = new ArrayList<>();
    for (FactsOf facts : tables(schema, table)) {
      List<String> key = facts.table().primaryKey();
      List<Object[]> keyRows = new ArrayList<>();
      for (int i = 0; i < key.size(); i++) {
        keyRows.add(
            new Object[] {
              null,
              facts.schema(),
              facts.name(),
              key.get(i),
              (short) (i + 1),
              primaryKeyName(facts.name())
            });
      }
      keyRows.sort(Comparator.comparing(row -> (String) row[3]));
      rows.addAll(keyRows);
    }
    return rows;
  }

  /**
   * The foreign keys the tables declare (both ends in the same project); ordered by schema and
   * referencing table, as the JDBC orders of imported and exported keys agree here (one key column,
   * one referenced table per key).
   */
  List<Object[]> foreignKeys(String pkSchema, String pkTable, String fkSchema, String fkTable) {
    List<Object[]> rows = new ArrayList<>();
    if (pkSchema == null || fkSchema == null || pkSchema.equals(fkSchema)) {
      for (FactsOf facts : tables(pkSchema != null ? pkSchema : fkSchema, fkTable)) {
        for (TableFacts.ForeignKey key : facts.table().foreignKeys()) {
          if (pkTable == null || pkTable.equals(key.referencedTable())) {
            rows.add(
                new Object[] {
                  null,
                  facts.schema(),
                  key.referencedTable(),
                  key.referencedColumn(),
                  null,
                  facts.schema(),
                  facts.name(),
                  key.column(),
                  (short) 1,
                  (short) DatabaseMetaData.importedKeyNoAction,
                  (short) DatabaseMetaData.importedKeyNoAction,
                  facts.name() + "_" + key.referencedTable() + "_fk",
                  primaryKeyName(key.referencedTable()),
                  (short) DatabaseMetaData.importedKeyNotDeferrable
                });
          }
        }
      }
    }
    return rows;
  }

  /** A table of a project, with its facts. */
  private record FactsOf(String schema, String name, TableFacts table) {}

  /** The tables of this adapter, by schema then table name. */
  private List<FactsOf> tables(String schema, String table) {
    List<FactsOf> found = new ArrayList<>();
    for (String schemaName : sorted(root.subSchemas().getNames(LikePattern.any()))) {
      SchemaPlus project = root.subSchemas().get(schemaName);
      if (project == null || (schema != null && !schema.equals(schemaName))) {
        continue;
      }
      for (String tableName : sorted(project.tables().getNames(LikePattern.any()))) {
        if ((table == null || table.equals(tableName))
            && project.tables().get(tableName) instanceof TableFacts facts) {
          found.add(new FactsOf(schemaName, tableName, facts));
        }
      }
    }
    return found;
  }

  /** The primary key's name, as {@code PK_NAME} reports it. */
  private static String primaryKeyName(String table) {
    return table + "_pk";
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
