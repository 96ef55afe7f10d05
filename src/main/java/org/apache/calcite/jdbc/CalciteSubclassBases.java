package org.apache.calcite.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;

/**
 * Public bases for wandb-jdbc's connection and metadata classes (package
 * {@code io.github.wandbjdbc.jdbc}). Calcite 1.42 keeps {@code CalciteConnectionImpl}
 * package-private, so code in another package can neither extend the connection nor call
 * {@link CalciteMetaImpl}'s protected constructor, which takes that type; {@link CalciteResultSet}'s
 * constructor is package-private too. These classes pass constructor arguments through, and the
 * connection routes the failures of its prepare and execute paths through one overridable method
 * (one override, {@code prepareStatement}, must name a package-private type). They are the
 * driver's only code in Calcite's package.
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
     * The exception the caller sees for {@code failure}, a failure to prepare or execute a
     * statement (Avatica has wrapped a RuntimeException into a plain SQLException, or not).
     */
    protected abstract SQLException queryFailure(Exception failure);

    @Override
    public CalcitePreparedStatement prepareStatement(String sql, int resultSetType,
        int resultSetConcurrency, int resultSetHoldability) throws SQLException {
      try {
        return super.prepareStatement(sql, resultSetType, resultSetConcurrency,
            resultSetHoldability);
      } catch (SQLException e) {
        throw queryFailure(withReason(e));
      } catch (RuntimeException e) {
        throw queryFailure(e);
      }
    }

    /**
     * Calcite's message for a statement that fails to prepare names only the SQL; the reason (an
     * unknown column, a syntax error, a refused DELETE) is added, as a plain Statement's has it.
     */
    private static SQLException withReason(SQLException e) {
      Throwable reason = e.getCause();
      if (reason == null || reason.getMessage() == null) {
        return e;
      }
      return new SQLException(e.getMessage() + ": " + reason.getMessage(), e.getSQLState(),
          e.getErrorCode(), reason);
    }

    /** Statement.execute / executeQuery: prepares, then runs until the first rows. */
    @Override
    protected Meta.ExecuteResult prepareAndExecuteInternal(AvaticaStatement statement, String sql,
        long maxRowCount) throws SQLException, NoSuchStatementException {
      try {
        return super.prepareAndExecuteInternal(statement, sql, maxRowCount);
      } catch (SQLException | RuntimeException e) {
        throw queryFailure(e);
      }
    }

    /** PreparedStatement.execute / executeQuery. */
    @Override
    protected ResultSet executeQueryInternal(AvaticaStatement statement, Meta.Signature signature,
        Meta.Frame firstFrame, QueryState state, boolean isUpdate) throws SQLException {
      try {
        return super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate);
      } catch (SQLException | RuntimeException e) {
        throw queryFailure(e);
      }
    }
  }

  /** Calcite's result set, for a factory outside this package. */
  public abstract static class ResultSetBase extends CalciteResultSet {
    protected ResultSetBase(AvaticaStatement statement, Meta.Signature signature,
        ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame)
        throws SQLException {
      super(statement, (CalcitePrepare.CalciteSignature<?>) signature, metaData, timeZone,
          firstFrame);
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
