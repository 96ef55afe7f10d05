package io.github.wandbjdbc.client;

/**
 * An entity, project or run does not exist or is not visible to the key (null in the response, or
 * HTTP 404).
 */
public final class WandbNotFoundException extends WandbException {

  private static final long serialVersionUID = 1L;

  public WandbNotFoundException(String message, String operation, int httpStatus, Throwable cause) {
    super(message, operation, httpStatus, cause);
  }

  public WandbNotFoundException(String message, String operation, int httpStatus) {
    super(message, operation, httpStatus);
  }
}
