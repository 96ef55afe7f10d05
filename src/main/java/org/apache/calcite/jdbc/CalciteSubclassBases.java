package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;

/**
 * Public bases for wandb-jdbc's connection and metadata classes (package
 * {@code io.github.wandbjdbc.jdbc}). Calcite 1.42 keeps {@code CalciteConnectionImpl}
 * package-private, so code in another package can neither extend the connection nor call
 * {@link CalciteMetaImpl}'s protected constructor, which takes that type. These two classes
 * pass constructor arguments through, and the connection base overrides the one method whose
 * return type is package-private; they are the driver's only code in Calcite's package.
 */
public final class CalciteSubclassBases {
  private CalciteSubclassBases() {}

  /** A Calcite connection that a driver outside this package can extend. */
  public abstract static class ConnectionBase extends CalciteConnectionImpl {
    protected ConnectionBase(Driver driver, AvaticaFactory factory, String url, Properties info,
        CalciteSchema rootSchema) {
      super(driver, factory, url, info, rootSchema, null);
    }

    /**
     * Calcite's message for a statement that fails to prepare names only the SQL; the reason (an
     * unknown column, a syntax error, a refused DELETE) is added, as a plain Statement's has it.
     */
    @Override
    public CalcitePreparedStatement prepareStatement(String sql, int resultSetType,
        int resultSetConcurrency, int resultSetHoldability) throws SQLException {
      try {
        return super.prepareStatement(sql, resultSetType, resultSetConcurrency,
            resultSetHoldability);
      } catch (SQLException e) {
        Throwable reason = e.getCause();
        if (reason == null || reason.getMessage() == null) {
          throw e;
        }
        throw new SQLException(e.getMessage() + ": " + reason.getMessage(), e.getSQLState(),
            e.getErrorCode(), reason);
      }
    }
  }

  /** Calcite's metadata, built for a connection typed as the public {@link AvaticaConnection}. */
  public abstract static class MetaBase extends CalciteMetaImpl {
    protected MetaBase(AvaticaConnection connection, CalciteMetaColumnFactory columnFactory) {
      super((CalciteConnectionImpl) connection, CalciteMetaTableFactoryImpl.INSTANCE,
          columnFactory);
    }
  }
}
