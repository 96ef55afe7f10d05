package io.github.wandbjdbc.jdbc;

import java.sql.ResultSetMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;

/** Calcite's JDBC objects, with {@link WandbResultSetMetaData} for result sets. */
public final class WandbJdbcFactory extends CalciteJdbc41Factory {
  /** Avatica instantiates the factory by class name. */
  public WandbJdbcFactory() {}

  @Override
  public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement,
      Meta.Signature signature) {
    return new WandbResultSetMetaData(statement, signature);
  }
}
