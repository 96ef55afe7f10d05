package io.github.wandbjdbc.jdbc;

import java.sql.SQLException;
import java.sql.Types;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * Result set metadata whose sizes agree with {@code DatabaseMetaData.getColumns} ({@link
 * ColumnTypeFacts}). Calcite reports precision 0 for a VARCHAR without a declared length and, for
 * TIMESTAMP, its fractional-second digits where JDBC means the length in characters; tools that
 * size grid columns or map types (Spark, DBeaver) read these numbers.
 */
final class WandbResultSetMetaData extends AvaticaResultSetMetaData {

  WandbResultSetMetaData(AvaticaStatement statement, Meta.Signature signature) {
    super(statement, null, signature);
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return size(column, super.getPrecision(column));
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return size(column, super.getColumnDisplaySize(column));
  }

  /** Timestamps are millisecond instants, whatever fractional precision the plan carries. */
  @Override
  public int getScale(int column) throws SQLException {
    return getColumnType(column) == Types.TIMESTAMP
        ? ColumnTypeFacts.of(Types.TIMESTAMP).decimalDigits()
        : super.getScale(column);
  }

  /** A declared VARCHAR length (a CAST, a literal) is kept; an undeclared one is unbounded. */
  private int size(int column, int calcite) throws SQLException {
    int type = getColumnType(column);
    boolean undeclared = type == Types.VARCHAR && calcite <= 0;
    return undeclared || type == Types.TIMESTAMP ? ColumnTypeFacts.of(type).size() : calcite;
  }
}
