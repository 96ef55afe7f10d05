package io.github.wandbjdbc.client;

/**
 * Rate limiting, timeouts, server or connection failures that persisted after every retry. The
 * message has the last status, the operation and the number of attempts.
 */
public final class WandbTransientException extends WandbException {

  private static final long serialVersionUID = 1L;

  public WandbTransientException(
      String message, String operation, int httpStatus, Throwable cause) {
    super(message, operation, httpStatus, cause);
  }

  public WandbTransientException(String message, String operation, int httpStatus) {
    super(message, operation, httpStatus);
  }
}
