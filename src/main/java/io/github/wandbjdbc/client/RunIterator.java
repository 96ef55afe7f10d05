package io.github.wandbjdbc.client;

import java.util.Iterator;

/**
 * The runs of a {@link RunQuery}, read from W&B only as they are consumed: nothing is sent before
 * the first {@link #hasNext()}. One thread consumes it; {@link #close()} may come from another
 * thread to cancel the scan: a request in flight or a retry wait is aborted, and the consumer's
 * {@code hasNext()} then throws a {@link WandbException}.
 */
public interface RunIterator extends Iterator<Run>, AutoCloseable {

  /** How many pages of runs have been requested from W&B so far. */
  long pagesFetched();

  /**
   * Stops the iteration: nothing more is requested, a request in flight is aborted, and {@link
   * #hasNext()} answers false (or throws, if it was waiting on that request).
   */
  @Override
  void close();
}
