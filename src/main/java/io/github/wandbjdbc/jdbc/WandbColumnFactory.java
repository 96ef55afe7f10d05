package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.TableFacts;
import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;

/**
 * Rows of {@code DatabaseMetaData.getColumns}: plain type names with real sizes ({@link
 * ColumnTypeFacts}), no catalog, and remarks naming the W&B field or key each column reads. Calcite
 * supplies the rest (name, JDBC type, nullability, position) from the row type.
 */
final class WandbColumnFactory implements CalciteMetaColumnFactory {

  @Override
  public MetaColumn createColumn(
      Table table,
      String tableCat,
      String tableSchem,
      String tableName,
      String columnName,
      int dataType,
      String typeName,
      Integer columnSize,
      Integer decimalDigits,
      int numPrecRadix,
      int nullable,
      Integer charOctetLength,
      int ordinalPosition,
      String isNullable) {
    ColumnTypeFacts facts = ColumnTypeFacts.of(dataType);
    String remarks =
        table instanceof TableFacts tableFacts
            ? tableFacts.columnRemarks(columnName).orElse(null)
            : null;
    return new WandbMetaColumn(
        tableSchem,
        tableName,
        columnName,
        dataType,
        facts,
        nullable,
        ordinalPosition,
        isNullable,
        remarks);
  }

  @Override
  public Class<? extends MetaColumn> getMetaColumnClass() {
    return WandbMetaColumn.class;
  }

  /**
   * Avatica's column row with REMARKS filled in: Calcite reads each JDBC column from the public
   * field of that name, looking in this class first, and {@link MetaColumn} leaves it null.
   */
  public static final class WandbMetaColumn extends MetaColumn {
    public final String remarks;

    WandbMetaColumn(
        String tableSchem,
        String tableName,
        String columnName,
        int dataType,
        ColumnTypeFacts facts,
        int nullable,
        int ordinalPosition,
        String isNullable,
        String remarks) {
      super(
          null,
          tableSchem,
          tableName,
          columnName,
          dataType,
          facts.typeName(),
          facts.size(),
          facts.decimalDigits(),
          facts.radix(),
          nullable,
          facts.octetLength(),
          ordinalPosition,
          isNullable,
          "NO",
          "NO");
      this.remarks = remarks;
    }
  }
}
