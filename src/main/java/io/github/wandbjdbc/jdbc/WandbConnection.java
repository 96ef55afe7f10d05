package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.RowGoal;
import io.github.wandbjdbc.calcite.StatementBudget;
import io.github.wandbjdbc.calcite.pgcatalog.PgCatalog;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.RequestBudget;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.CalciteStatement;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.sql.validate.SqlConformance;

/**
 * A Calcite connection whose {@link #isValid} asks W&B (Avatica's only checks that the connection
 * is open), whose {@code setMaxRows} also limits prepared statements, which refuses batch updates,
 * and whose isolation level is fixed: there are no transactions, so {@link
 * #setTransactionIsolation} accepts every JDBC level as a no-op and {@link
 * #getTransactionIsolation} stays {@link Connection#TRANSACTION_NONE}. Failures to prepare or
 * execute a query reach the caller through {@link WandbErrors#atQuery}.
 *
 * <p>A trailing {@code ;} is dropped ({@link StatementTerminator}). Statements that would write are
 * refused with a read-only error ({@link ReadOnlySql}), and each execution starts with the
 * statement's cancel flag cleared: Avatica never clears it, so a statement once canceled would
 * otherwise cancel every later query it runs. {@code setSchema} accepts only a project of the
 * entity.
 */
final class WandbConnection extends ReadOnlyConnection {
  /** SQLState 3F000: invalid schema name. */
  static final String INVALID_SCHEMA = "3F000";

  /** Avatica's way to read a statement's bound values. */
  private static final Trojan PARAMETERS = createTrojan();

  private final LivenessCheck liveness;

  /** W&B requests one statement may send; 0 for no limit. */
  private final long maxRequests;

  private final DatabaseMetaData metaData = new WandbDatabaseMetaData(this);

  /** The executing statement's {@link RowGoal} variables, while {@link #enumerable} runs. */
  private final ThreadLocal<Map<String, Object>> statementVariables = new ThreadLocal<>();

  private final SqlDialect dialect;

  WandbConnection(
      Driver driver,
      AvaticaFactory factory,
      String url,
      Properties info,
      CalciteSchema rootSchema,
      ClientSettings settings,
      long maxRequests,
      SqlDialect dialect) {
    super(driver, factory, url, info, rootSchema);
    this.liveness = new LivenessCheck(settings);
    this.maxRequests = maxRequests;
    this.dialect = dialect;
  }

  @Override
  protected SQLException prepareFailure(Exception failure) {
    return WandbErrors.atQuery(failure);
  }

  /** Avatica's "Connection closed" has no SQLState; 08003 is the standard one. */
  @Override
  protected void checkOpen() throws SQLException {
    if (isClosed()) {
      throw new SQLNonTransientConnectionException("The connection is closed", WandbErrors.CLOSED);
    }
  }

  /**
   * Without a trailing {@code ;} ({@link StatementTerminator}); in the PostgreSQL dialect, with
   * PostgreSQL's spellings the parser does not read rewritten ({@link PgCatalog#rewrite}). For
   * prepared and plain statements alike.
   */
  @Override
  protected String statementToPrepare(String sql) throws SQLException {
    String statement = StatementTerminator.strip(sql);
    return dialect == SqlDialect.POSTGRESQL ? PgCatalog.rewrite(statement) : statement;
  }

  /** In the PostgreSQL dialect, with its conformance ({@link PgCatalog#conformance}). */
  @Override
  public CalciteConnectionConfig config() {
    if (dialect != SqlDialect.POSTGRESQL) {
      return super.config();
    }
    return new CalciteConnectionConfigImpl(info) {
      @Override
      public SqlConformance conformance() {
        return PgCatalog.conformance();
      }
    };
  }

  /** One W&B request; false, never an exception, when W&B is unreachable or refuses the key. */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("isValid timeout must be >= 0 seconds, was " + timeout, "HY024");
    }
    return !isClosed() && liveness.reachable(timeout);
  }

  /**
   * Applies the statement's current {@code setMaxRows} lazily, as Calcite does for a plain {@code
   * Statement}: Calcite fixes the limit when it prepares, which for a {@code PreparedStatement} is
   * before the caller can set it.
   */
  @Override
  public <T> Enumerable<T> enumerable(
      Meta.StatementHandle handle,
      CalcitePrepare.CalciteSignature<T> signature,
      List<TypedValue> parameterValues)
      throws SQLException {
    AvaticaStatement statement = lookupStatement(handle);
    long maxRows = statement.getLargeMaxRows();
    Map<String, Object> firstRows = new HashMap<>();
    firstRows.put(RowGoal.MAX_ROWS, maxRows);
    firstRows.put(RowGoal.FETCH_SIZE, statement.getFetchSize());
    RequestBudget budget = new RequestBudget(maxRequests);
    if (statement instanceof BudgetedStatement budgeted) {
      budgeted.budget(budget);
    }
    firstRows.put(StatementBudget.KEY, budget);
    Enumerable<T> rows;
    statementVariables.set(firstRows);
    try {
      rows = super.enumerable(handle, signature, parameterValues);
    } finally {
      statementVariables.remove();
    }
    return maxRows > 0 ? MaxRows.take(rows, maxRows) : rows;
  }

  /**
   * Adds what scans size their first request by ({@link RowGoal}) and the statement's request
   * budget ({@link StatementBudget}) to the query's context: Calcite makes the context inside
   * {@link #enumerable}, from the parameters alone. And the current project, which the PostgreSQL
   * catalog's functions read ({@link PgCatalog#CURRENT_SCHEMA}).
   */
  @Override
  public DataContext createDataContext(Map<String, Object> parameters, CalciteSchema rootSchema) {
    Map<String, Object> extra = statementVariables.get();
    // only the PostgreSQL dialect's catalog functions read it
    String schema = dialect == SqlDialect.POSTGRESQL ? sessionSchema() : null;
    if (extra == null && schema == null) {
      return super.createDataContext(parameters, rootSchema);
    }
    Map<String, Object> all = new HashMap<>(parameters);
    if (extra != null) {
      all.putAll(extra);
    }
    if (schema != null) {
      // also when planning: Calcite folds calls such as current_schema() into constants then
      all.put(PgCatalog.CURRENT_SCHEMA, schema);
    }
    return super.createDataContext(all, rootSchema);
  }

  private String sessionSchema() {
    try {
      return getSchema();
    } catch (SQLException e) {
      return null;
    }
  }

  /** Batches are for updates, and this connection only reads. */
  @Override
  protected Meta.ExecuteBatchResult prepareAndUpdateBatch(
      AvaticaStatement statement, List<String> queries) throws SQLException {
    throw batchesRefused();
  }

  @Override
  protected long[] executeBatchUpdateInternal(AvaticaPreparedStatement statement)
      throws SQLException {
    throw batchesRefused();
  }

  private static SQLException batchesRefused() {
    return new SQLFeatureNotSupportedException(
        "wandb-jdbc is read-only: batch updates are not supported", ReadOnlySql.SQL_STATE);
  }

  @Override
  protected Meta.ExecuteResult prepareAndExecuteInternal(
      AvaticaStatement statement, String sql, long maxRowCount)
      throws SQLException, NoSuchStatementException {
    ReadOnlySql.check(sql);
    MisspelledStatementKeyword.check(sql);
    String toRun = statementToPrepare(sql);
    clearCancelFlag(statement);
    try {
      return super.prepareAndExecuteInternal(statement, toRun, maxRowCount);
    } catch (SQLException | RuntimeException | ExceptionInInitializerError e) {
      // Calcite folds constants (1/0, CAST('x' AS INTEGER)) in a static initializer of its
      // generated code, whose failure would otherwise escape JDBC as an Error.
      throw WandbErrors.atQuery(e);
    }
  }

  @Override
  protected ResultSet executeQueryInternal(
      AvaticaStatement statement,
      Meta.Signature signature,
      Meta.Frame firstFrame,
      QueryState state,
      boolean isUpdate)
      throws SQLException {
    if (isUpdate && statement instanceof PreparedStatement prepared && returnsRows(prepared)) {
      throw WandbStatement.queryNotAnUpdate();
    }
    if (statement instanceof AvaticaPreparedStatement) {
      // Calcite's own check loses its message's SQLState in Avatica's wrapping.
      UnboundParameters.check(PARAMETERS.getParameterValues(statement));
    }
    clearCancelFlag(statement);
    try {
      return super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate);
    } catch (SQLException | RuntimeException | ExceptionInInitializerError e) {
      // Calcite folds constants (1/0, CAST('x' AS INTEGER)) in a static initializer of its
      // generated code, whose failure would otherwise escape JDBC as an Error.
      throw WandbErrors.atQuery(e);
    }
  }

  private static boolean returnsRows(PreparedStatement statement) throws SQLException {
    ResultSetMetaData columns = statement.getMetaData();
    return columns != null && columns.getColumnCount() > 0;
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    ReadOnlySql.check(sql);
    MisspelledStatementKeyword.check(sql);
    return super.prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    ReadOnlySql.check(sql);
    MisspelledStatementKeyword.check(sql);
    return super.prepareStatement(sql, resultSetType, resultSetConcurrency);
  }

  @Override
  public CalciteStatement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    checkOpen();
    return new WandbStatement(this, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return metaData;
  }

  /** The default project: the name must be one of the entity's projects. */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    boolean known;
    try {
      known = schema == null || getRootSchema().subSchemas().get(schema) != null;
    } catch (RuntimeException e) {
      throw WandbErrors.atQuery(e);
    }
    if (!known) {
      throw new SQLException(
          "No project '"
              + schema
              + "' in this entity: a schema is one of the entity's projects, as"
              + " DatabaseMetaData.getSchemas() lists them (names are case-sensitive)",
          INVALID_SCHEMA);
    }
    super.setSchema(schema);
  }

  private void clearCancelFlag(AvaticaStatement statement) {
    try {
      getCancelFlag(statement.handle).set(false);
    } catch (NoSuchStatementException e) {
      // A statement Calcite no longer knows fails in the execution itself, with a clearer error.
    }
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    switch (level) {
      case TRANSACTION_NONE,
          TRANSACTION_READ_UNCOMMITTED,
          TRANSACTION_READ_COMMITTED,
          TRANSACTION_REPEATABLE_READ,
          TRANSACTION_SERIALIZABLE -> {}
      default ->
          throw new SQLException("Not a JDBC transaction isolation level: " + level, "HY024");
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }
}
