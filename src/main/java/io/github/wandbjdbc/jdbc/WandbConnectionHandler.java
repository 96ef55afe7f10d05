package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.EntitySchema;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Calcite's own handler (which initialises the connection) plus closing the connection's W&B client
 * when the connection closes.
 */
final class WandbConnectionHandler implements Handler {
  private final Handler calcite;

  WandbConnectionHandler(Handler calcite) {
    this.calcite = calcite;
  }

  @Override
  public void onConnectionInit(AvaticaConnection connection) throws SQLException {
    calcite.onConnectionInit(connection);
  }

  @Override
  public void onConnectionClose(AvaticaConnection connection) {
    try {
      connection.unwrap(CalciteConnection.class).getRootSchema().unwrap(EntitySchema.class).close();
    } catch (SQLException e) {
      throw new IllegalStateException("not a wandb connection", e);
    } finally {
      calcite.onConnectionClose(connection);
    }
  }

  @Override
  public void onStatementExecute(AvaticaStatement statement, ResultSink resultSink) {
    calcite.onStatementExecute(statement, resultSink);
  }

  @Override
  public void onStatementClose(AvaticaStatement statement) {
    calcite.onStatementClose(statement);
  }
}
