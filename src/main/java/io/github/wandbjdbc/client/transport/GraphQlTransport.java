package io.github.wandbjdbc.client.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.transport.GraphQlEndpoint.HttpResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sends GraphQL documents to W&B's {@link GraphQlEndpoint} and returns their {@code data}; holds
 * the client's one retry loop (see {@link RetryPolicy}) and turns every failure into a typed {@link
 * WandbException}. A {@link RateLimitGate} makes every request of this client wait while W&B says
 * the rate-limit window is used up.
 */
public final class GraphQlTransport implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger("io.github.wandbjdbc.client");

  private final GraphQlEndpoint endpoint;
  private final RetryPolicy retryPolicy;
  private final RateLimitGate rateLimitGate;
  private final FailureMapper failures;
  private final boolean logRequests;
  private final Set<Cancellation> active = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public GraphQlTransport(ClientSettings settings) {
    this.endpoint = new GraphQlEndpoint(settings);
    this.retryPolicy = RetryPolicy.of(settings);
    this.rateLimitGate = new RateLimitGate(settings.maxBackoff(), System::nanoTime);
    this.failures = new FailureMapper(endpoint.host(), endpoint::scrub);
    this.logRequests = settings.logRequests();
  }

  /** Sends {@code document} with {@code variables}, retrying as the policy allows; returns data. */
  public ObjectNode execute(GraphQlDocument document, ObjectNode variables) {
    return execute(document, variables, new Cancellation());
  }

  /** As {@link #execute(GraphQlDocument, ObjectNode)}; stops when {@code scope} is cancelled. */
  public ObjectNode execute(GraphQlDocument document, ObjectNode variables, Cancellation scope) {
    active.add(scope);
    try {
      // Checked after registering the scope: close() either cancels it or is seen here.
      if (closed) {
        throw new WandbException(
            "The W&B client is closed; " + document.operationName() + " was not sent.",
            document.operationName(),
            0);
      }
      return executeWithRetries(document, variables, scope);
    } finally {
      active.remove(scope);
    }
  }

  /** Cancels every request in flight and every retry wait; later requests fail. */
  @Override
  public void close() {
    closed = true;
    active.forEach(Cancellation::cancel);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Requests of every transport in flight right now (for tests: a stopped query leaves none). */
  public static int runningCalls() {
    return GraphQlEndpoint.runningCalls();
  }

  private ObjectNode executeWithRetries(
      GraphQlDocument document, ObjectNode variables, Cancellation scope) {
    String operation = document.operationName();
    byte[] body = requestBody(document, variables);
    for (int attempt = 1; ; attempt++) {
      ensureNotCancelled(operation, scope);
      awaitRateLimitReset(operation, scope);
      scope.budget().spend(operation);
      long start = System.nanoTime();
      HttpResult result;
      try {
        result = endpoint.post(body, scope);
      } catch (IOException e) {
        // A canceled scope (a closed scan or client) aborts its call on purpose; not a failure.
        String outcome =
            scope.isCancelled() ? "canceled" : "failed (" + endpoint.scrub(e.toString()) + ")";
        log(operation, outcome, attempt, start, 0);
        ensureNotCancelled(operation, scope);
        if (Thread.currentThread().isInterrupted()) {
          throw new WandbException(
              "Interrupted during W&B request " + operation + "; the request was abandoned.",
              operation,
              0,
              e);
        }
        if (!endpoint.answered() && FailureMapper.unreachable(e)) {
          throw failures.unreachable(operation, endpoint.serverUrl(), e);
        }
        if (attempt > retryPolicy.maxRetries()) {
          throw failures.connectionFailure(operation, attempt, endpoint.serverUrl(), e);
        }
        pause(operation, scope, attempt, Optional.empty(), 0);
        continue;
      }
      scope.budget().received(result.body().length);
      log(operation, "HTTP " + result.status(), attempt, start, result.body().length);
      rateLimitGate.observe(result.rateLimitRemaining(), result.rateLimitReset());
      if (result.status() >= 200 && result.status() < 300) {
        return data(operation, result);
      }
      if (RetryPolicy.isRetryableStatus(result.status()) && attempt <= retryPolicy.maxRetries()) {
        Optional<Duration> retryAfter =
            RetryPolicy.parseRetryAfter(result.retryAfter(), Instant.now());
        if (result.status() == 429) {
          retryAfter.ifPresent(rateLimitGate::closeFor);
        }
        pause(operation, scope, attempt, retryAfter, result.status());
        continue;
      }
      throw failures.failure(operation, result.status(), result.body(), attempt);
    }
  }

  private static byte[] requestBody(GraphQlDocument document, ObjectNode variables) {
    ObjectNode body = WandbJson.MAPPER.createObjectNode();
    body.put("query", document.text());
    body.set("variables", variables);
    body.put("operationName", document.operationName());
    try {
      return WandbJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode variables of " + document.operationName(), e);
    }
  }

  private ObjectNode data(String operation, HttpResult result) {
    JsonNode root;
    try {
      root = WandbJson.MAPPER.readTree(result.body());
    } catch (IOException e) {
      throw WandbJson.unexpected(operation, "the body is not JSON");
    }
    String errors = ErrorMessages.fromBody(root);
    if (errors != null) {
      throw failures.graphQlErrors(operation, result.status(), errors);
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !data.isObject()) {
      throw WandbJson.unexpected(operation, "no data in the response");
    }
    return (ObjectNode) data;
  }

  private void pause(
      String operation, Cancellation scope, int retry, Optional<Duration> retryAfter, int status) {
    await(
        operation,
        scope,
        retryPolicy.delay(retry, retryAfter, ThreadLocalRandom.current().nextDouble()),
        status);
  }

  /** Waits while the gate is closed; another response may close it again meanwhile. */
  private void awaitRateLimitReset(String operation, Cancellation scope) {
    for (Duration wait = rateLimitGate.waitTime();
        !wait.isZero();
        wait = rateLimitGate.waitTime()) {
      if (logRequests) {
        long millis = wait.toMillis();
        LOG.info(
            () ->
                "W&B "
                    + operation
                    + ": rate-limit window used up, waiting "
                    + millis
                    + " ms for its reset");
      }
      await(operation, scope, wait, 0);
    }
  }

  private void await(String operation, Cancellation scope, Duration wait, int status) {
    try {
      if (scope.await(wait)) {
        ensureNotCancelled(operation, scope);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WandbException(
          "Interrupted while waiting to send W&B request "
              + operation
              + "; the request was abandoned.",
          operation,
          status,
          e);
    }
  }

  private static void ensureNotCancelled(String operation, Cancellation scope) {
    if (scope.isCancelled()) {
      throw new WandbException(
          "W&B request " + operation + " was cancelled: its scan or the client was closed.",
          operation,
          0);
    }
  }

  private void log(String operation, String outcome, int attempt, long startNanos, long bytes) {
    if (logRequests) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      LOG.info(
          () ->
              "W&B "
                  + operation
                  + ": "
                  + outcome
                  + ", attempt "
                  + attempt
                  + ", "
                  + millis
                  + " ms, "
                  + bytes
                  + " bytes");
    }
  }
}
