package io.github.wandbjdbc.jdbc;

/**
 * What a statement's latest execution spent at W&B: requests sent and response bytes received
 * (GraphQL and file downloads). Every driver statement implements it: {@code
 * statement.unwrap(StatementCost.class)}.
 */
public interface StatementCost {
  long requests();

  long bytes();
}
