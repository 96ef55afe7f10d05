package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.client.ClientSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.CalciteSubclassBases;
import org.apache.calcite.jdbc.Driver;

/**
 * A Calcite connection whose {@link #isValid} asks W&B (Avatica's only checks that the connection
 * is open) and whose isolation level is fixed: there are no transactions, so
 * {@link #setTransactionIsolation} accepts every JDBC level as a no-op and
 * {@link #getTransactionIsolation} stays {@link Connection#TRANSACTION_NONE}. Failures to prepare or
 * execute a query reach the caller through {@link WandbErrors#atQuery}.
 */
final class WandbConnection extends CalciteSubclassBases.ConnectionBase {
  private final LivenessCheck liveness;

  WandbConnection(Driver driver, AvaticaFactory factory, String url, Properties info,
      CalciteSchema rootSchema, ClientSettings settings) {
    super(driver, factory, url, info, rootSchema);
    this.liveness = new LivenessCheck(settings);
  }

  @Override
  protected SQLException queryFailure(Exception failure) {
    return WandbErrors.atQuery(failure);
  }

  /** One W&B request; false, never an exception, when W&B is unreachable or refuses the key. */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("isValid timeout must be >= 0 seconds, was " + timeout, "HY024");
    }
    return !isClosed() && liveness.reachable(timeout);
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    switch (level) {
      case TRANSACTION_NONE, TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED,
          TRANSACTION_REPEATABLE_READ, TRANSACTION_SERIALIZABLE -> { }
      default -> throw new SQLException("Not a JDBC transaction isolation level: " + level,
          "HY024");
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }
}
