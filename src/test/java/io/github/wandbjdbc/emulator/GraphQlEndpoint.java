package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code POST /graphql}. Every request is counted and recorded, then passes the knobs in this
 * order: the test hook, latency, rate limit, failEvery, the next scripted fault, authentication,
 * and finally the GraphQL engine.
 */
final class GraphQlEndpoint implements HttpHandler {
  private static final String PATH = "/graphql";

  private final EmulatorConfig config;
  private final GraphQL graphQl;
  private final EmulatorStats stats;
  private final FaultPlan faults;
  private final RateLimiter rateLimiter;
  private final AtomicLong requestNumber = new AtomicLong();
  private volatile Consumer<RecordedRequest> hook;

  GraphQlEndpoint(EmulatorConfig config, GraphQL graphQl, EmulatorStats stats, FaultPlan faults) {
    this.config = config;
    this.graphQl = graphQl;
    this.stats = stats;
    this.faults = faults;
    this.rateLimiter =
        config.rateLimitPerSecond() > 0
            ? new RateLimiter(config.rateLimitPerSecond(), System::nanoTime)
            : null;
  }

  void beforeEachRequest(Consumer<RecordedRequest> hook) {
    this.hook = hook;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PATH)
        || !exchange.getRequestMethod().equals("POST")) {
      HttpWriter.write(exchange, HttpAnswer.forStatus(404));
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    GraphQlRequest request;
    try {
      request = GraphQlRequest.parse(body);
    } catch (IllegalArgumentException e) {
      request = null;
    }
    RecordedRequest recorded =
        new RecordedRequest(
            request == null
                ? OperationNames.INVALID
                : OperationNames.of(request.query(), request.operationName()),
            request == null ? new String(body, StandardCharsets.UTF_8) : request.query(),
            request == null ? null : request.variables(),
            headers(exchange),
            0);
    stats.countRequest(recorded.operationName(), body.length);
    HttpAnswer answer = answer(exchange, request, recorded);
    // Counted before writing so that a client reading the stats after its response sees it.
    stats.countResponse(recorded.withStatus(answer.status()), answer.bodyBytesSent());
    HttpWriter.write(exchange, answer);
  }

  private HttpAnswer answer(
      HttpExchange exchange, GraphQlRequest request, RecordedRequest recorded) {
    Consumer<RecordedRequest> currentHook = hook;
    if (currentHook != null) {
      try {
        currentHook.accept(recorded);
      } catch (RuntimeException e) {
        return HttpAnswer.errors(500, "emulator test hook failed: " + e);
      }
    }
    sleep(Duration.ofMillis(config.latencyMs()));
    if (rateLimiter == null) {
      return unlimited(exchange, request);
    }
    RateLimiter.Decision decision = rateLimiter.acquire();
    HttpAnswer answer =
        decision.allowed()
            ? unlimited(exchange, request)
            : HttpAnswer.forStatus(429)
                .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    return answer
        .withHeader("RateLimit-Remaining", Long.toString(decision.remaining()))
        .withHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
  }

  private HttpAnswer unlimited(HttpExchange exchange, GraphQlRequest request) {
    long number = requestNumber.incrementAndGet();
    if (config.failEvery() > 0 && number % config.failEvery() == 0) {
      return HttpAnswer.forStatus(500);
    }
    Fault fault = faults.next();
    if (fault == null) {
      return normal(exchange, request);
    }
    if (fault instanceof Fault.Status status) {
      HttpAnswer answer = HttpAnswer.forStatus(status.code());
      return status.retryAfter() == null
          ? answer
          : answer.withHeader("Retry-After", wholeSeconds(status.retryAfter()));
    }
    if (fault instanceof Fault.GraphqlError error) {
      return HttpAnswer.json(
          200, nullData(Map.of("errors", List.of(Map.of("message", error.message())))));
    }
    if (fault instanceof Fault.Delay delay) {
      sleep(delay.duration());
      return normal(exchange, request);
    }
    if (fault instanceof Fault.WindowUsedUp window) {
      return normal(exchange, request)
          .withHeader("RateLimit-Remaining", "0")
          .withHeader("RateLimit-Reset", wholeSeconds(window.reset()));
    }
    if (fault instanceof Fault.Body given) {
      return HttpAnswer.raw(given.status(), given.body());
    }
    if (fault instanceof Fault.DropConnection) {
      return normal(exchange, request).withCutMidway();
    }
    // The remaining kind, Fault.MalformedJson: a body cut off inside a JSON array.
    return HttpAnswer.raw(200, "{\"data\": {\"project\": {\"runs\": [");
  }

  private HttpAnswer normal(HttpExchange exchange, GraphQlRequest request) {
    if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return HttpAnswer.forStatus(401);
    }
    if (request == null) {
      return HttpAnswer.errors(400, "request body must be a JSON object with a \"query\" string");
    }
    ExecutionResult result =
        graphQl.execute(
            ExecutionInput.newExecutionInput()
                .query(request.query())
                .variables(request.variableMap())
                .operationName(request.selectedOperation())
                .build());
    return HttpAnswer.json(200, result.toSpecification());
  }

  private boolean authenticated(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String credentials;
    try {
      credentials =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    Set<String> keys = config.apiKeys();
    return credentials.startsWith("api:") && keys.contains(credentials.substring(4));
  }

  private static Map<String, Object> nullData(Map<String, Object> body) {
    Map<String, Object> withData = new TreeMap<>(body);
    withData.put("data", null);
    return withData;
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return headers;
  }

  private static String wholeSeconds(Duration duration) {
    long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    return Long.toString(seconds);
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
