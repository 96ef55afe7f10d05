package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an {@link HttpAnswer}, or deliberately fails to. */
final class HttpWriter {
  private HttpWriter() {}

  /**
   * Writes {@link HttpAnswer#bodyBytesSent()} bytes of the body.
   *
   * @throws IOException always for an answer cut midway: the server then closes the connection with
   *     the declared body length unfulfilled, so the client sees a truncated response
   */
  static void write(HttpExchange exchange, HttpAnswer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = answer.body();
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, answer.bodyBytesSent());
    if (answer.cutMidway()) {
      out.flush();
      throw new IOException("connection dropped on purpose by a scripted fault");
    }
    out.close();
  }
}
