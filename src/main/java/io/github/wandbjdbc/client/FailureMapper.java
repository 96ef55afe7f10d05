package io.github.wandbjdbc.client;

import java.util.function.UnaryOperator;

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
}
