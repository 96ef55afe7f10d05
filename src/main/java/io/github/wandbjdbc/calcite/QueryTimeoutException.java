package io.github.wandbjdbc.calcite;

/** Raised by a scan whose statement's query timeout ({@code setQueryTimeout}) has passed. */
public final class QueryTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryTimeoutException(long timeoutMillis) {
    super("The query timed out after " + timeoutMillis + " ms (Statement.setQueryTimeout)");
  }
}
