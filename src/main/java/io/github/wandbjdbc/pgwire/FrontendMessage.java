package io.github.wandbjdbc.pgwire;

/** One typed frontend message: its type byte (e.g. {@code 'Q'}) and its body. */
record FrontendMessage(char type, byte[] body) {
  PgBuffer reader() {
    return new PgBuffer(body);
  }
}
