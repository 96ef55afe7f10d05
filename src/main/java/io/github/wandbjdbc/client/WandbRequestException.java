package io.github.wandbjdbc.client;

/**
 * W&B rejected the request itself: HTTP 400 and other non-retryable statuses, or HTTP 200 with
 * GraphQL {@code errors}. The message includes the server's.
 */
public final class WandbRequestException extends WandbException {

  private static final long serialVersionUID = 1L;

  public WandbRequestException(String message, String operation, int httpStatus) {
    super(message, operation, httpStatus);
  }
}
