package io.github.wandbjdbc.jdbc;

/**
 * What a statement's latest execution spent on W&B, for programs that watch their rate limit: every
 * statement of the driver implements it, so {@code statement.unwrap(StatementCost.class)} reads it.
 * Counts grow while the statement's rows are read, and start again at each execution.
 */
public interface StatementCost {
  /** W&B requests sent, GraphQL and parquet file downloads alike, retries included. */
  long requests();

  /** Bytes of the responses to those requests. */
  long bytes();
}
