package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an {@link HttpAnswer}, or deliberately fails to. */
final class HttpWriter {
  private HttpWriter() {}

  /**
   * @return body bytes written
   * @throws IOException always for an answer cut midway: the server then closes the connection
   *     with the declared body length unfulfilled, so the client sees a truncated response
   */
  static long write(HttpExchange exchange, HttpAnswer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = answer.body();
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    OutputStream out = exchange.getResponseBody();
    if (answer.cutMidway()) {
      int half = body.length / 2;
      out.write(body, 0, half);
      out.flush();
      throw new DroppedConnection(half);
    }
    out.write(body);
    out.close();
    return body.length;
  }

  /** Signals a connection dropped on purpose; {@code written} body bytes went out before it. */
  static final class DroppedConnection extends IOException {
    private final long written;

    DroppedConnection(long written) {
      super("connection dropped on purpose by a scripted fault");
      this.written = written;
    }

    long written() {
      return written;
    }
  }
}
