package io.github.wandbjdbc.client;

/**
 * A W&B call failed. Subclasses say why; this class itself covers failures that fit none of them
 * (an unreadable response, an interrupted wait, a closed client). Messages name the operation and
 * say what to do; they never contain the API key.
 */
public class WandbException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int httpStatus;

  public WandbException(String message, String operation, int httpStatus, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.httpStatus = httpStatus;
  }

  public WandbException(String message, String operation, int httpStatus) {
    this(message, operation, httpStatus, null);
  }

  /** The GraphQL operation that failed, e.g. {@code Runs}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status of the response that caused this, 0 when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }
}
