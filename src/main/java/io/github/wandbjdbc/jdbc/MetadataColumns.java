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
  static final List<ColumnMetaData> TABLE_TYPES = columns("TABLE_TYPE String");

  static final List<ColumnMetaData> TABLES =
      columns(
          "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, TABLE_TYPE String,"
              + " REMARKS String, TYPE_CAT String, TYPE_SCHEM String, TYPE_NAME String,"
              + " SELF_REFERENCING_COL_NAME String, REF_GENERATION String");

  static final List<ColumnMetaData> FUNCTIONS =
      columns(
          "FUNCTION_CAT String, FUNCTION_SCHEM String, FUNCTION_NAME String, REMARKS String,"
              + " FUNCTION_TYPE short, SPECIFIC_NAME String");

  static final List<ColumnMetaData> PRIMARY_KEYS =
      columns(
          "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, COLUMN_NAME String,"
              + " KEY_SEQ short, PK_NAME String");

  /** getImportedKeys, getExportedKeys and getCrossReference. */
  static final List<ColumnMetaData> FOREIGN_KEYS =
      columns(
          "PKTABLE_CAT String, PKTABLE_SCHEM String, PKTABLE_NAME String, PKCOLUMN_NAME String,"
              + " FKTABLE_CAT String, FKTABLE_SCHEM String, FKTABLE_NAME String,"
              + " FKCOLUMN_NAME String, KEY_SEQ short, UPDATE_RULE short, DELETE_RULE short,"
              + " FK_NAME String, PK_NAME String, DEFERRABILITY short");

  private MetadataColumns() {}

  /** Columns written as the JDBC javadoc lists them, {@code "TABLE_CAT String, KEY_SEQ short"}. */
  private static List<ColumnMetaData> columns(String definition) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (String column : definition.split(",")) {
      String[] nameAndType = column.trim().split(" ");
      columns.add(
          MetaImpl.columnMetaData(nameAndType[0], columns.size(), javaType(nameAndType[1]), true));
    }
    return List.copyOf(columns);
  }

  private static Class<?> javaType(String javadocType) {
    return switch (javadocType) {
      case "String" -> String.class;
      case "short" -> Short.class;
      default -> throw new IllegalArgumentException("no metadata column type " + javadocType);
    };
  }
}
