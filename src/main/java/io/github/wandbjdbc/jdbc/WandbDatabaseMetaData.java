package io.github.wandbjdbc.jdbc;

import java.sql.ResultSet;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * Avatica's {@code DatabaseMetaData} with the answers that Avatica fixes for every database
 * corrected to what this driver does ({@code MetadataTruthTest} tries each true claim). Calls that
 * list things ({@code getTables}, {@code getFunctions}, ...) are answered by {@link WandbMeta}.
 */
final class WandbDatabaseMetaData extends AvaticaDatabaseMetaData {
  WandbDatabaseMetaData(AvaticaConnection connection) {
    super(connection);
  }

  /** Calcite sorts NULL as the highest value: last in ASC, first in DESC. */
  @Override
  public boolean nullsAreSortedHigh() {
    return true;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() {
    return false;
  }

  /** Batches are for updates, and the connection only reads. */
  @Override
  public boolean supportsBatchUpdates() {
    return false;
  }

  /** No stored procedures: {@code prepareCall} is refused. */
  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  /** No transactions at all (every statement stands alone), not even for data manipulation. */
  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  /** Projects are schemas of no catalog; nothing takes a catalog name. */
  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  /** Schema names work in queries only: there are no procedures, DDL or privileges. */
  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  /**
   * The grammars above entry level include DDL, privileges and positioned updates, which a
   * read-only driver refuses; their queries work (joins, subqueries, UNION, CASE, CAST).
   */
  @Override
  public boolean supportsCoreSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  /** Avatica throws "todo" here; result sets are closed with their statement, never at commit. */
  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }
}
