package org.apache.calcite.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * The driver's only code in Calcite's package: the bases that open what Calcite 1.42 keeps
 * package-private to {@code io.github.wandbjdbc.jdbc}, and the arguments they take, and nothing
 * else.
 *
 * <p>Public routes checked first, and why they do not suffice:
 *
 * <ul>
 *   <li>A connection: {@code CalciteFactory.newConnection}, as {@code CalciteJdbc41Factory}
 *       implements it, returns a private class, and Calcite's factory, meta and driver cast every
 *       connection to the package-private {@code CalciteConnectionImpl}; so our connection must
 *       extend that class, and only code in this package can.
 *   <li>Prepare failures and statement text: the {@code prepareStatement} overloads that prepare
 *       all end in the four-argument one, whose return type, {@code CalcitePreparedStatement}, is
 *       package-private; only an override here can catch its failures or adjust its SQL.
 *   <li>A prepared statement: Calcite casts what the factory makes to the package-private {@code
 *       CalcitePreparedStatement}, so a statement whose {@code setObject} converts java.time values
 *       must extend it.
 *   <li>A result set: {@code CalciteJdbc41Factory.newResultSet} must return a {@link
 *       CalciteResultSet}, whose constructor is package-private; {@code next()} can only be
 *       overridden in a subclass.
 *   <li>A statement: {@code CalciteJdbc41Factory.newStatement} must return its private statement
 *       class, and {@code CalciteStatement}'s constructor is package-private; a statement whose
 *       {@code executeUpdate} refuses a query can only be made here.
 *   <li>Metadata needs nothing here: {@code CalciteMetaImpl.create} only makes Calcite's own, but
 *       its constructor is protected, and our connection, typed as our subclass, is a {@code
 *       CalciteConnectionImpl}.
 * </ul>
 *
 * {@code CalcitePackageAccessTest} fails, naming the member, when Calcite changes any of these.
 */
public final class CalcitePackageAccess {
  private CalcitePackageAccess() {}

  /** Calcite's connection, open to subclasses in other packages. */
  public abstract static class ConnectionBase extends CalciteConnectionImpl {
    protected ConnectionBase(
        Driver driver,
        AvaticaFactory factory,
        String url,
        Properties info,
        CalciteSchema rootSchema) {
      super(driver, factory, url, info, rootSchema, null);
    }

    /** The exception the caller sees when {@code prepareStatement} fails. */
    protected abstract SQLException prepareFailure(Exception failure);

    /** The SQL Calcite prepares for the text passed to {@code prepareStatement}. */
    protected abstract String statementToPrepare(String sql) throws SQLException;

    @Override
    public CalcitePreparedStatement prepareStatement(
        String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
        throws SQLException {
      String statement = statementToPrepare(sql);
      try {
        return super.prepareStatement(
            statement, resultSetType, resultSetConcurrency, resultSetHoldability);
      } catch (SQLException | RuntimeException e) {
        throw prepareFailure(e);
      }
    }
  }

  /** What Calcite makes a prepared statement of, as the JDBC factory is handed it. */
  public record PreparedStatementArguments(
      ConnectionBase connection,
      Meta.StatementHandle handle,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability) {}

  /** Calcite's prepared statement, open to subclasses in other packages. */
  public abstract static class PreparedStatementBase extends CalcitePreparedStatement {
    protected PreparedStatementBase(PreparedStatementArguments arguments) throws SQLException {
      super(
          arguments.connection(),
          arguments.handle(),
          arguments.signature(),
          arguments.resultSetType(),
          arguments.resultSetConcurrency(),
          arguments.resultSetHoldability());
    }
  }

  /** Calcite's statement, open to subclasses in other packages. */
  public abstract static class StatementBase extends CalciteStatement {
    protected StatementBase(
        ConnectionBase connection,
        int resultSetType,
        int resultSetConcurrency,
        int resultSetHoldability) {
      super(connection, null, resultSetType, resultSetConcurrency, resultSetHoldability);
    }
  }

  /** What Calcite makes a result set of, as the JDBC factory is handed it. */
  public record ResultSetArguments(
      AvaticaStatement statement,
      CalcitePrepare.CalciteSignature<?> signature,
      ResultSetMetaData metaData,
      TimeZone timeZone,
      Meta.Frame firstFrame) {}

  /** Calcite's result set, open to subclasses in other packages. */
  public abstract static class ResultSetBase extends CalciteResultSet {
    protected ResultSetBase(ResultSetArguments arguments) throws SQLException {
      super(
          arguments.statement(),
          arguments.signature(),
          arguments.metaData(),
          arguments.timeZone(),
          arguments.firstFrame());
    }
  }
}
