package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.client.RequestBudget;
import org.apache.calcite.DataContext;

/**
 * The request budget of the statement a query runs for: the JDBC front puts it in the query's
 * context under {@link #KEY}, and every scan of the query spends from it. A query run without one
 * (Calcite's own JDBC driver over these tables) counts its requests without a limit.
 */
public final class StatementBudget {
  public static final String KEY = "wandbRequestBudget";

  private StatementBudget() {}

  public static RequestBudget of(DataContext root) {
    return root.get(KEY) instanceof RequestBudget budget ? budget : new RequestBudget(0);
  }
}
