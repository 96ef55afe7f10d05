package io.github.wandbjdbc.jdbc;

import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;
import org.apache.calcite.jdbc.CalciteResultSet;

/**
 * Calcite's JDBC object factory, with result sets whose {@code next()} reports W&B failures as
 * typed SQL exceptions ({@link WandbResultSet}). Avatica instantiates it by class name, hence
 * public with a public no-argument constructor.
 */
public final class WandbJdbcFactory extends CalciteJdbc41Factory {

  @Override
  public CalciteResultSet newResultSet(AvaticaStatement statement, QueryState state,
      Meta.Signature signature, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    return new WandbResultSet(statement, signature, newResultSetMetaData(statement, signature),
        timeZone, firstFrame);
  }
}
