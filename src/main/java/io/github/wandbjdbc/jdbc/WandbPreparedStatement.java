package io.github.wandbjdbc.jdbc;

import java.sql.JDBCType;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePackageAccess;

/**
 * Calcite's prepared statement, with the JDBC 4.2 conversions Avatica lacks: {@code setObject} and
 * {@code setString} bind java.time values and numeric or boolean text as the typed setter for the
 * parameter's type would ({@link ParameterConversions}), and every {@code setObject} overload binds
 * (Avatica's with a scale binds nothing, and those taking an {@link SQLType} are not implemented).
 */
final class WandbPreparedStatement extends CalcitePackageAccess.PreparedStatementBase {
  WandbPreparedStatement(
      WandbConnection connection,
      Meta.StatementHandle handle,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    super(connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /** Avatica's "Statement closed" has no SQLState; 08003 is the standard one. */
  @Override
  protected void checkOpen() throws SQLException {
    WandbErrors.requireOpen(isClosed(), "statement");
  }

  @Override
  public void setObject(int index, Object value) throws SQLException {
    super.setObject(index, converted(index, value));
  }

  @Override
  public void setString(int index, String value) throws SQLException {
    Object converted = converted(index, value);
    if (converted == value) {
      super.setString(index, value);
    } else {
      super.setObject(index, converted);
    }
  }

  @Override
  public void setObject(int index, Object value, int targetSqlType) throws SQLException {
    Object converted = converted(index, value);
    if (converted != value) {
      super.setObject(index, converted);
      return;
    }
    try {
      super.setObject(index, value, targetSqlType);
    } catch (RuntimeException e) {
      // Avatica's casts fail with unchecked exceptions ("Cannot convert from ... to ...").
      throw new SQLDataException(
          "cannot convert "
              + value.getClass().getName()
              + " value "
              + DataConversions.shown(value)
              + " to "
              + DataConversions.typeName(targetSqlType)
              + " (parameter "
              + index
              + "): "
              + e.getMessage(),
          DataConversions.INVALID_CAST,
          e);
    }
  }

  /** The scale only matters for DECIMAL, which no W&B column is. */
  @Override
  public void setObject(int index, Object value, int targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(index, value, targetSqlType);
  }

  @Override
  public void setObject(int index, Object value, SQLType targetSqlType) throws SQLException {
    setObject(index, value, vendorType(targetSqlType));
  }

  @Override
  public void setObject(int index, Object value, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(index, value, vendorType(targetSqlType));
  }

  private Object converted(int index, Object value) throws SQLException {
    checkOpen();
    return ParameterConversions.convert(value, getParameterType(index), index);
  }

  private static int vendorType(SQLType type) throws SQLException {
    if (type instanceof JDBCType standard) {
      return standard.getVendorTypeNumber();
    }
    throw new SQLFeatureNotSupportedException(
        "setObject takes a java.sql.JDBCType as its SQLType, such as JDBCType.TIMESTAMP; got "
            + type,
        "0A000");
  }
}
