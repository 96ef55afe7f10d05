package io.github.wandbjdbc.client;

/**
 * An entity, project or run does not exist or is not visible to the key (null in the response, or
 * HTTP 404).
 */
public final class WandbNotFoundException extends WandbException {

  private static final long serialVersionUID = 1L;

  public WandbNotFoundException(String message, String operation, int httpStatus) {
    super(message, operation, httpStatus);
  }

  /** A project W&B answered null for in {@code operation}. */
  public static WandbNotFoundException project(String operation, String entity, String project) {
    return new WandbNotFoundException(
        "W&B project "
            + entity
            + "/"
            + project
            + " was not found, or the API key cannot see it. Check the entity and project names.",
        operation,
        200);
  }
}
