package io.github.wandbjdbc.client;

/**
 * W&B cannot answer a read exactly: a history read would return only a sample of the rows, or lacks
 * what an exact read needs; a proven run order met an answer that breaks its proof after rows were
 * handed over. The response that showed it was a normal one (HTTP 200).
 */
public final class WandbInexactException extends WandbException {
  private static final long serialVersionUID = 1L;

  public WandbInexactException(String message, String operation) {
    super(message, operation, 200);
  }
}
