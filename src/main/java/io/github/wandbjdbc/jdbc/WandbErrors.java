package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.client.WandbAuthenticationException;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.WandbNotFoundException;
import io.github.wandbjdbc.client.WandbTransientException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** The one place where W&B client failures become {@link SQLException} subclasses. */
final class WandbErrors {
  private WandbErrors() {}

  static SQLException atConnect(WandbException e, ConnectionConfig config) {
    String where = " (connecting to " + config.baseUrl() + ")";
    if (e instanceof WandbAuthenticationException) {
      return new SQLInvalidAuthorizationSpecException(e.getMessage()
          + where + ". Check the API key (apiKey / password property, WANDB_API_KEY or netrc)",
          "28000", e);
    }
    if (e instanceof WandbTransientException) {
      return new SQLTransientConnectionException(e.getMessage() + where, "08001", e);
    }
    if (e instanceof WandbNotFoundException) {
      return new SQLNonTransientConnectionException(e.getMessage() + where, "08001", e);
    }
    return new SQLNonTransientConnectionException(e.getMessage() + where, "08006", e);
  }
}
