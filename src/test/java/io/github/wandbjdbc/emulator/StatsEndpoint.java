package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /_emulator/stats} (no auth); anything else not served elsewhere is a 404. */
final class StatsEndpoint implements HttpHandler {
  static final String PATH = "/_emulator/stats";

  private final EmulatorStats stats;

  StatsEndpoint(EmulatorStats stats) {
    this.stats = stats;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    boolean isStats =
        exchange.getRequestURI().getPath().equals(PATH)
            && exchange.getRequestMethod().equals("GET");
    HttpWriter.write(
        exchange, isStats ? HttpAnswer.json(200, stats.toJson()) : HttpAnswer.forStatus(404));
  }
}
