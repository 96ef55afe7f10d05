package io.github.wandbjdbc.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import org.apache.calcite.jdbc.CalcitePackageAccess;

/**
 * The write side of {@link java.sql.ResultSet}, refused with a message that says so: rows come from
 * W&B and are read-only, and Avatica's own refusals carry no message. Also row ids, which W&B rows
 * do not have.
 */
abstract class ReadOnlyResultSet extends CalcitePackageAccess.ResultSetBase {
  ReadOnlyResultSet(CalcitePackageAccess.ResultSetArguments arguments) throws SQLException {
    super(arguments);
  }

  @Override
  public final void updateNull(int columnIndex) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override
  public final void updateBoolean(int columnIndex, boolean x) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override
  public final void updateByte(int columnIndex, byte x) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override
  public final void updateShort(int columnIndex, short x) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override
  public final void updateInt(int columnIndex, int x) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override
  public final void updateLong(int columnIndex, long x) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override
  public final void updateFloat(int columnIndex, float x) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override
  public final void updateDouble(int columnIndex, double x) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override
  public final void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override
  public final void updateString(int columnIndex, String x) throws SQLException {
    throw readOnly("updateString");
  }

  @Override
  public final void updateBytes(int columnIndex, byte[] x) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override
  public final void updateDate(int columnIndex, Date x) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override
  public final void updateTime(int columnIndex, Time x) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override
  public final void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    throw readOnly("updateTimestamp");
  }

  @Override
  public final void updateAsciiStream(int columnIndex, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int columnIndex, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int columnIndex, Reader x, int length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public final void updateObject(int columnIndex, Object x, int length) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public final void updateObject(int columnIndex, Object x) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public final void updateNull(String columnLabel) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override
  public final void updateBoolean(String columnLabel, boolean x) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override
  public final void updateByte(String columnLabel, byte x) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override
  public final void updateShort(String columnLabel, short x) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override
  public final void updateInt(String columnLabel, int x) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override
  public final void updateLong(String columnLabel, long x) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override
  public final void updateFloat(String columnLabel, float x) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override
  public final void updateDouble(String columnLabel, double x) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override
  public final void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override
  public final void updateString(String columnLabel, String x) throws SQLException {
    throw readOnly("updateString");
  }

  @Override
  public final void updateBytes(String columnLabel, byte[] x) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override
  public final void updateDate(String columnLabel, Date x) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override
  public final void updateTime(String columnLabel, Time x) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override
  public final void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    throw readOnly("updateTimestamp");
  }

  @Override
  public final void updateAsciiStream(String columnLabel, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String columnLabel, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String columnLabel, Reader x, int length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public final void updateObject(String columnLabel, Object x, int length) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public final void updateObject(String columnLabel, Object x) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public final void insertRow() throws SQLException {
    throw readOnly("insertRow");
  }

  @Override
  public final void updateRow() throws SQLException {
    throw readOnly("updateRow");
  }

  @Override
  public final void deleteRow() throws SQLException {
    throw readOnly("deleteRow");
  }

  @Override
  public final void refreshRow() throws SQLException {
    throw readOnly("refreshRow");
  }

  @Override
  public final void cancelRowUpdates() throws SQLException {
    throw readOnly("cancelRowUpdates");
  }

  @Override
  public final void moveToInsertRow() throws SQLException {
    throw readOnly("moveToInsertRow");
  }

  @Override
  public final void moveToCurrentRow() throws SQLException {
    throw readOnly("moveToCurrentRow");
  }

  @Override
  public final void updateRef(int columnIndex, Ref x) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override
  public final void updateRef(String columnLabel, Ref x) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override
  public final void updateBlob(int columnIndex, Blob x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public final void updateBlob(String columnLabel, Blob x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public final void updateClob(int columnIndex, Clob x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public final void updateClob(String columnLabel, Clob x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public final void updateArray(int columnIndex, Array x) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override
  public final void updateArray(String columnLabel, Array x) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override
  public final RowId getRowId(int columnIndex) throws SQLException {
    throw readOnly("getRowId");
  }

  @Override
  public final RowId getRowId(String columnLabel) throws SQLException {
    throw readOnly("getRowId");
  }

  @Override
  public final void updateRowId(int columnIndex, RowId x) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override
  public final void updateRowId(String columnLabel, RowId x) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override
  public final void updateNString(int columnIndex, String x) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override
  public final void updateNString(String columnLabel, String x) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override
  public final void updateNClob(int columnIndex, NClob x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public final void updateNClob(String columnLabel, NClob x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public final void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override
  public final void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override
  public final void updateNCharacterStream(int columnIndex, Reader x, long length)
      throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public final void updateNCharacterStream(String columnLabel, Reader x, long length)
      throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public final void updateAsciiStream(int columnIndex, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int columnIndex, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int columnIndex, Reader x, long length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public final void updateAsciiStream(String columnLabel, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String columnLabel, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String columnLabel, Reader x, long length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public final void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public final void updateBlob(String columnLabel, InputStream x, long length) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public final void updateClob(int columnIndex, Reader x, long length) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public final void updateClob(String columnLabel, Reader x, long length) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public final void updateNClob(int columnIndex, Reader x, long length) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public final void updateNClob(String columnLabel, Reader x, long length) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public final void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public final void updateNCharacterStream(String columnLabel, Reader x) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public final void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public final void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String columnLabel, Reader x) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public final void updateBlob(int columnIndex, InputStream x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public final void updateBlob(String columnLabel, InputStream x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public final void updateClob(int columnIndex, Reader x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public final void updateClob(String columnLabel, Reader x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public final void updateNClob(int columnIndex, Reader x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public final void updateNClob(String columnLabel, Reader x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public final void updateObject(int columnIndex, Object x, SQLType type, int scaleOrLength)
      throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public final void updateObject(String columnLabel, Object x, SQLType type, int scaleOrLength)
      throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public final void updateObject(int columnIndex, Object x, SQLType type) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public final void updateObject(String columnLabel, Object x, SQLType type) throws SQLException {
    throw readOnly("updateObject");
  }

  private static SQLFeatureNotSupportedException readOnly(String method) {
    return WandbStatement.unsupported(
        method.equals("getRowId")
            ? "row ids (getRowId): W&B rows have none; run_id identifies a run"
            : "updating result sets (" + method + "): results are read-only");
  }
}
