package io.github.wandbjdbc.jdbc;

import java.sql.SQLException;
import org.apache.calcite.jdbc.CalcitePackageAccess;

/**
 * A Calcite result set whose {@link #next()} maps failures (a page request that failed after its
 * retries, a cancel, a timeout) through {@link WandbErrors#atQuery}: Avatica lets the scan's
 * RuntimeException escape {@code next()} unchanged, which JDBC callers do not expect. Its {@code
 * getObject(column, Class)} works ({@link ColumnConversions}), where Avatica's always fails.
 */
final class WandbResultSet extends ReadOnlyResultSet {

  WandbResultSet(CalcitePackageAccess.ResultSetArguments arguments) throws SQLException {
    super(arguments);
  }

  @Override
  public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (SQLException e) {
      // Avatica checks the cancel flag itself before asking the scan, and says so without a
      // SQLState; give it the one our scans' cancels carry.
      if (e.getSQLState() == null && AVATICA_CANCELED.equals(e.getMessage())) {
        throw new SQLException(
            "The query was canceled (Statement.cancel()); no further rows are " + "read.",
            WandbErrors.CANCELED,
            e);
      }
      throw WandbErrors.atQuery(e);
    } catch (RuntimeException e) {
      throw WandbErrors.atQuery(e);
    }
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return ColumnConversions.read(this, columnIndex, type);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return ColumnConversions.read(this, findColumn(columnLabel), type);
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly("previous");
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly("first");
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly("last");
  }

  @Override
  public boolean isLast() throws SQLException {
    throw forwardOnly("isLast");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly("beforeFirst");
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly("afterLast");
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw forwardOnly("absolute");
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly("relative");
  }

  /** Rows stream from W&B page by page and are not kept, so a result set only moves forward. */
  private static SQLException forwardOnly(String method) {
    return WandbStatement.unsupported(
        "scrollable result sets ("
            + method
            + "): results are TYPE_FORWARD_ONLY, read with next(); re-run the query to read again");
  }

  @Override
  public String getCursorName() throws SQLException {
    throw WandbStatement.unsupported("named cursors (getCursorName)");
  }

  /** Avatica's "ResultSet closed" has no SQLState; 08003 is the standard one. */
  @Override
  protected void checkOpen() throws SQLException {
    WandbErrors.requireOpen(isClosed(), "result set");
  }

  private static final String AVATICA_CANCELED = "Statement canceled";
}
