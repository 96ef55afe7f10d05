package io.github.wandbjdbc.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;
import org.apache.calcite.jdbc.CalcitePackageAccess;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteResultSet;

/**
 * Calcite's JDBC object factory, with result sets whose {@code next()} reports W&B failures as
 * typed SQL exceptions ({@link WandbResultSet}) and whose metadata agrees with {@code getColumns}
 * ({@link WandbResultSetMetaData}), and prepared statements that convert java.time and text values
 * ({@link WandbPreparedStatement}).
 */
public final class WandbJdbcFactory extends CalciteJdbc41Factory {
  /** Avatica instantiates the factory by class name. */
  public WandbJdbcFactory() {}

  @Override
  public AvaticaPreparedStatement newPreparedStatement(
      AvaticaConnection connection,
      Meta.StatementHandle handle,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    return new WandbPreparedStatement(
        new CalcitePackageAccess.PreparedStatementArguments(
            (WandbConnection) connection,
            handle,
            signature,
            resultSetType,
            resultSetConcurrency,
            resultSetHoldability));
  }

  @Override
  public CalciteResultSet newResultSet(
      AvaticaStatement statement,
      QueryState state,
      Meta.Signature signature,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    return new WandbResultSet(
        new CalcitePackageAccess.ResultSetArguments(
            statement,
            (CalcitePrepare.CalciteSignature<?>) signature,
            newResultSetMetaData(statement, signature),
            timeZone,
            firstFrame));
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(
      AvaticaStatement statement, Meta.Signature signature) {
    return new WandbResultSetMetaData(statement, signature);
  }
}
