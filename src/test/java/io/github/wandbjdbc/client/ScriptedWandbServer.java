package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wandbjdbc.emulator.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback stand-in for W&B: answers {@code POST /graphql} from a queue of canned replies (or,
 * once the queue is empty, from a handler), and records every request it receives.
 */
public final class ScriptedWandbServer implements AutoCloseable {

  /** One request as received: auth and content headers, the JSON body, and when it arrived. */
  record Recorded(
      String authorization,
      String userAgent,
      String accept,
      String contentType,
      ObjectNode body,
      long receivedNanos) {

    String operationName() {
      return body.path("operationName").asText();
    }

    ObjectNode variables() {
      return (ObjectNode) body.get("variables");
    }
  }

  /** What to do with a request: answer it, answer it late, or drop the connection. */
  sealed interface Reply permits Answer, Late, Drop {}

  record Answer(int status, String body, Map<String, String> headers) implements Reply {}

  record Late(long delayMillis, Answer answer) implements Reply {}

  record Drop() implements Reply {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final HttpServer server;
  private final Queue<Reply> script = new ArrayDeque<>();
  private final List<Recorded> requests = new ArrayList<>();
  private Function<Recorded, Reply> handler =
      request -> new Answer(500, "{\"error\":\"nothing scripted\"}", Map.of());

  ScriptedWandbServer() throws IOException {
    server = LoopbackHttpServer.create(0);
    server.createContext("/graphql", this::serve);
    // Several handler threads, so that a late answer does not hold up the requests after it.
    server.setExecutor(executor);
    server.start();
  }

  static Answer ok(String body) {
    return new Answer(200, body, Map.of());
  }

  static Answer status(int status, String body) {
    return new Answer(status, body, Map.of());
  }

  static Answer status(int status, String body, Map<String, String> headers) {
    return new Answer(status, body, headers);
  }

  static Late late(long delayMillis, Answer answer) {
    return new Late(delayMillis, answer);
  }

  static Drop drop() {
    return new Drop();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized void enqueue(Reply... replies) {
    script.addAll(List.of(replies));
  }

  /** Answers requests once the queue is used up. */
  synchronized void setHandler(Function<Recorded, Reply> handler) {
    this.handler = handler;
  }

  synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
    var headers = exchange.getRequestHeaders();
    Recorded request =
        new Recorded(
            headers.getFirst("Authorization"),
            headers.getFirst("User-Agent"),
            headers.getFirst("Accept"),
            headers.getFirst("Content-Type"),
            body,
            received);
    Reply reply;
    synchronized (this) {
      requests.add(request);
      reply = script.isEmpty() ? handler.apply(request) : script.remove();
    }
    if (reply instanceof Late late) {
      try {
        Thread.sleep(late.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
      reply = late.answer();
    }
    if (reply instanceof Answer answer) {
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } else {
      // Closing the exchange before any response makes the JDK server drop the connection.
      exchange.close();
    }
  }
}
