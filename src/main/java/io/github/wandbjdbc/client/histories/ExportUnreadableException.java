package io.github.wandbjdbc.client.histories;

/**
 * A run's exported files cannot give exactly the rows its live history would: a column type the
 * driver cannot map back, a key W&B logged with several types, a damaged or unreadable file, or a
 * download that failed for good. The run is then read live.
 */
final class ExportUnreadableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExportUnreadableException(String message) {
    super(message);
  }

  ExportUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
