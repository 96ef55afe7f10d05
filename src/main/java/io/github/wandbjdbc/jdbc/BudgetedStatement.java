package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.client.RequestBudget;

/** A statement whose executions each spend from a fresh {@link RequestBudget}. */
interface BudgetedStatement extends StatementCost {
  /** Starts an execution's budget; {@link StatementCost} reports from it from now on. */
  void budget(RequestBudget budget);
}
