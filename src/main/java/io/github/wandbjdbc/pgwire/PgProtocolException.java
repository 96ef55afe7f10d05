package io.github.wandbjdbc.pgwire;

import java.io.IOException;

/** A frontend broke the protocol; the session answers with an ErrorResponse and, if fatal, ends. */
final class PgProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  PgProtocolException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  String sqlState() {
    return sqlState;
  }
}
