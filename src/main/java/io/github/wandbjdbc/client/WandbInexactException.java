package io.github.wandbjdbc.client;

/**
 * W&B cannot answer a history read exactly: it would return only a sample of the rows, or it lacks
 * what an exact read needs. The response that showed it was a normal one (HTTP 200).
 */
public final class WandbInexactException extends WandbException {
  private static final long serialVersionUID = 1L;

  public WandbInexactException(String message, String operation) {
    super(message, operation, 200);
  }
}
