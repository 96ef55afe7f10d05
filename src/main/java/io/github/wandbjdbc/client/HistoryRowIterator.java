package io.github.wandbjdbc.client;

import java.util.Iterator;

/**
 * The rows of a {@link HistoryQuery}: each run's rows in step order; with {@link
 * HistoryQuery#ordered()} runs one after another by name, else runs and their step windows
 * interleaved. Nothing is sent before the first {@link #hasNext()} or {@link #await(long)}. A
 * failure of the read is rethrown to the consumer.
 *
 * <p>One thread consumes it; {@link #close()} may come from another thread to stop the read: its
 * requests in flight and retry waits are aborted, and the consumer's next call throws an {@link
 * IllegalStateException}.
 */
public interface HistoryRowIterator extends Iterator<HistoryRow>, AutoCloseable {

  /**
   * Waits at most {@code waitMillis} for the next row or the end of the rows: true when {@link
   * #hasNext()} will answer without waiting, false when neither came in time.
   */
  boolean await(long waitMillis) throws InterruptedException;

  /** Stops the read and its requests; idempotent, callable from any thread. */
  @Override
  void close();
}
