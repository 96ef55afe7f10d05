package io.github.wandbjdbc.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;

/**
 * The result columns of the {@code DatabaseMetaData} calls that {@link WandbMeta} answers itself,
 * named and typed as the JDBC javadoc lists them (Avatica's own foreign-key rows misspell
 * DEFERRABILITY).
 */
final class MetadataColumns {
  static final List<ColumnMetaData> TABLE_TYPES = columns("TABLE_TYPE", String.class);

  static final List<ColumnMetaData> TABLES =
      columns(
          "TABLE_CAT",
          String.class,
          "TABLE_SCHEM",
          String.class,
          "TABLE_NAME",
          String.class,
          "TABLE_TYPE",
          String.class,
          "REMARKS",
          String.class,
          "TYPE_CAT",
          String.class,
          "TYPE_SCHEM",
          String.class,
          "TYPE_NAME",
          String.class,
          "SELF_REFERENCING_COL_NAME",
          String.class,
          "REF_GENERATION",
          String.class);

  static final List<ColumnMetaData> FUNCTIONS =
      columns(
          "FUNCTION_CAT",
          String.class,
          "FUNCTION_SCHEM",
          String.class,
          "FUNCTION_NAME",
          String.class,
          "REMARKS",
          String.class,
          "FUNCTION_TYPE",
          Short.class,
          "SPECIFIC_NAME",
          String.class);

  static final List<ColumnMetaData> PRIMARY_KEYS =
      columns(
          "TABLE_CAT",
          String.class,
          "TABLE_SCHEM",
          String.class,
          "TABLE_NAME",
          String.class,
          "COLUMN_NAME",
          String.class,
          "KEY_SEQ",
          Short.class,
          "PK_NAME",
          String.class);

  /** getImportedKeys, getExportedKeys and getCrossReference. */
  static final List<ColumnMetaData> FOREIGN_KEYS =
      columns(
          "PKTABLE_CAT",
          String.class,
          "PKTABLE_SCHEM",
          String.class,
          "PKTABLE_NAME",
          String.class,
          "PKCOLUMN_NAME",
          String.class,
          "FKTABLE_CAT",
          String.class,
          "FKTABLE_SCHEM",
          String.class,
          "FKTABLE_NAME",
          String.class,
          "FKCOLUMN_NAME",
          String.class,
          "KEY_SEQ",
          Short.class,
          "UPDATE_RULE",
          Short.class,
          "DELETE_RULE",
          Short.class,
          "FK_NAME",
          String.class,
          "PK_NAME",
          String.class,
          "DEFERRABILITY",
          Short.class);

  private MetadataColumns() {}

  /** Pairs of name and Java type, in column order. */
  private static List<ColumnMetaData> columns(Object... nameTypePairs) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      columns.add(
          MetaImpl.columnMetaData(
              (String) nameTypePairs[i], columns.size(), (Class<?>) nameTypePairs[i + 1], true));
    }
    return List.copyOf(columns);
  }
}
