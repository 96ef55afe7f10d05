package io.github.wandbjdbc.client.transport;

import io.github.wandbjdbc.client.WandbAuthenticationException;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.WandbNotFoundException;
import io.github.wandbjdbc.client.WandbRequestException;
import io.github.wandbjdbc.client.WandbTransientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/**
 * Turns a final non-2xx W&B response into the exception that says what went wrong and what to do:
 * 401/403 authentication, 404 not found, retryable statuses (after retries) transient, the rest a
 * rejected request. The server's own words are included, scrubbed of the API key.
 */
final class FailureMapper {

  private final String host;
  private final UnaryOperator<String> scrub;

  FailureMapper(String host, UnaryOperator<String> scrub) {
    this.host = host;
    this.scrub = scrub;
  }

  WandbException failure(String operation, int status, byte[] body, int attempts) {
    String detail = "HTTP " + status + ": " + scrub.apply(ErrorMessages.fromBytes(body));
    if (status == 401 || status == 403) {
      return new WandbAuthenticationException(
          "W&B refused the credentials for "
              + operation
              + " ("
              + detail
              + "). Check the API key (apiKey / password property, WANDB_API_KEY or "
              + "the netrc entry for "
              + host
              + ") and that it may read this entity.",
          operation,
          status);
    }
    if (status == 404) {
      return new WandbNotFoundException(
          "W&B answered "
              + operation
              + " with "
              + detail
              + ". Check baseUrl: it must be the W&B API server, e.g. https://api.wandb.ai.",
          operation,
          status);
    }
    if (RetryPolicy.isRetryableStatus(status)) {
      return new WandbTransientException(
          "W&B request "
              + operation
              + " failed after "
              + attempts
              + " attempts, last with "
              + detail
              + ". Try again later, or raise maxRetries / timeout.",
          operation,
          status);
    }
    return new WandbRequestException(
        "W&B rejected " + operation + " (" + detail + ").", operation, status);
  }

  /** A 2xx body with GraphQL {@code errors}: the request was understood and refused. */
  WandbException graphQlErrors(String operation, int status, String messages) {
    return new WandbRequestException(
        "W&B rejected " + operation + ": " + scrub.apply(messages), operation, status);
  }

  /** The connection failed on every attempt. */
  WandbException connectionFailure(
      String operation, int attempts, String baseUrl, Exception cause) {
    return new WandbTransientException(
        "W&B request "
            + operation
            + " failed after "
            + attempts
            + " attempts: "
            + scrub.apply(String.valueOf(cause.getMessage()))
            + ". Check the network and baseUrl "
            + baseUrl
            + ", or raise timeout / maxRetries.",
        operation,
        0,
        cause);
  }

  /**
   * A server that has not answered once cannot be reached: a refused connection, an unknown host or
   * a failed TLS handshake will not go away by retrying, so it is reported at once.
   */
  WandbException unreachable(String operation, String baseUrl, Exception cause) {
    return new WandbTransientException(
        "Cannot reach W&B at "
            + baseUrl
            + " (host "
            + host
            + "): "
            + reason(cause)
            + ". Check baseUrl and the network.",
        operation,
        0,
        cause);
  }

  /** Whether {@code e} says the server cannot be reached at all, rather than failed one call. */
  static boolean unreachable(Exception e) {
    return e instanceof UnknownHostException
        || e instanceof ConnectException
        || e instanceof SSLException
        || timedOut(e);
  }

  /** OkHttp's call timeout, or a socket's connect or read timeout. */
  private static boolean timedOut(Exception e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
  }

  private String reason(Exception cause) {
    String detail = scrub.apply(String.valueOf(cause.getMessage()));
    if (cause instanceof UnknownHostException) {
      return "unknown host";
    }
    if (cause instanceof ConnectException) {
      return "connection refused (" + detail + ")";
    }
    if (cause instanceof SSLException) {
      return "TLS handshake failed (" + detail + "); is the scheme (https/http) right?";
    }
    if (timedOut(cause)) {
      return "no answer in time (as when https is sent to a plain-HTTP server, whose TLS"
          + " handshake never ends: is the scheme right?)";
    }
    return detail;
  }
}
