package io.github.wandbjdbc.client;

/**
 * A statement needed more W&B requests than its budget ({@code maxRequests}) allows; the request
 * that would have crossed it was not sent.
 */
public final class WandbBudgetExceededException extends WandbException {
  private static final long serialVersionUID = 1L;

  WandbBudgetExceededException(long maxRequests, String operation) {
    super(
        "The statement needs more than maxRequests="
            + maxRequests
            + " W&B requests: "
            + maxRequests
            + " were sent, and the next ("
            + operation
            + ") was not. Narrow the query (a WHERE on run_id, state, created_at or _step, fewer"
            + " columns, a LIMIT; sampled_histories for charts), or raise maxRequests in the"
            + " connection URL (0 = no limit).",
        operation,
        0);
  }
}
