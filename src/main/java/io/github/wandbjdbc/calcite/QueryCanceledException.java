package io.github.wandbjdbc.calcite;

/** Raised by a scan that notices its statement was canceled or its connection closed. */
public final class QueryCanceledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryCanceledException() {
    super("The query was canceled (Statement.cancel)");
  }

  QueryCanceledException(String message, Throwable cause) {
    super(message, cause);
  }
}
