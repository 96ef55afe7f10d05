package io.github.wandbjdbc.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePackageAccess;
import org.apache.calcite.jdbc.CalcitePrepare;

/**
 * A Calcite result set whose {@link #next()} maps failures (a page request that failed after its
 * retries, a cancel, a timeout) through {@link WandbErrors#atQuery}: Avatica lets the scan's
 * RuntimeException escape {@code next()} unchanged, which JDBC callers do not expect.
 */
final class WandbResultSet extends CalcitePackageAccess.ResultSetBase {

  WandbResultSet(
      AvaticaStatement statement,
      CalcitePrepare.CalciteSignature<?> signature,
      ResultSetMetaData metaData,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    super(statement, signature, metaData, timeZone, firstFrame);
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

  /** Avatica's "ResultSet closed" has no SQLState; 08003 is the standard one. */
  @Override
  protected void checkOpen() throws SQLException {
    if (isClosed()) {
      throw new SQLException("The result set is closed", WandbErrors.CLOSED);
    }
  }

  private static final String AVATICA_CANCELED = "Statement canceled";
}
