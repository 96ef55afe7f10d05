package io.github.wandbjdbc.client;

/** W&B refused the credentials (HTTP 401 or 403, or no viewer for the key). Not retried. */
public final class WandbAuthenticationException extends WandbException {

  private static final long serialVersionUID = 1L;

  public WandbAuthenticationException(String message, String operation, int httpStatus) {
    super(message, operation, httpStatus);
  }
}
