package io.github.wandbjdbc.calcite;

/** Raised by a scan that notices its statement was canceled. */
public final class QueryCanceledException extends RuntimeException {
  QueryCanceledException() {
    super("The query was canceled");
  }
}
