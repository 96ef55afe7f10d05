package io.github.wandbjdbc.client.histories;

import io.github.wandbjdbc.client.HistoryQuery;
import io.github.wandbjdbc.client.HistoryRow;
import io.github.wandbjdbc.client.HistoryRowIterator;
import io.github.wandbjdbc.client.WandbException;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The rows of a {@link HistoryQuery}: each run's rows in step order; with {@link
 * HistoryQuery#ordered()} runs one after another by name, else runs and their step windows
 * interleaved. Nothing is sent before the first {@link #hasNext()} or {@link #await(long)}; then
 * worker threads list the runs and read the first page the query's row goal asks for, and read
 * ahead of the consumer only once it reads on ({@link HistoryReadAhead}). A worker's failure is
 * rethrown to the consumer.
 *
 * <p>One thread consumes it; {@link #close()} may come from another thread to stop the read: the
 * workers end, their requests in flight and retry waits are aborted, and the consumer's next call
 * throws an {@link IllegalStateException}.
 */
final class ReadAheadRowIterator implements HistoryRowIterator {
  private static final long WAIT_MILLIS = 1_000;

  private final Supplier<HistoryReadAhead> start;
  private HistoryReadAhead reads;
  private volatile boolean closed;
  private HistoryReadAhead.Page page;
  private int index;

  ReadAheadRowIterator(Supplier<HistoryReadAhead> start) {
    this.start = start;
  }

  @Override
  public boolean await(long waitMillis) throws InterruptedException {
    if (closed && page != HistoryReadAhead.END) {
      throw HistoryReadAhead.stopped();
    }
    while (page != HistoryReadAhead.END && (page == null || index >= page.rows().size())) {
      HistoryReadAhead.Page next = started().next(waitMillis);
      if (next == null) {
        return false;
      }
      page = next;
      index = 0;
    }
    return true;
  }

  @Override
  public boolean hasNext() {
    try {
      while (!await(WAIT_MILLIS)) {
        // the workers are still reading
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WandbException(
          "Interrupted while waiting for W&B history rows", HistoryBatchDocument.OPERATION, 0, e);
    }
    return page != HistoryReadAhead.END;
  }

  @Override
  public HistoryRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return new HistoryRow(page.run(), page.rows().get(index++));
  }

  @Override
  public void close() {
    HistoryReadAhead running;
    synchronized (this) {
      closed = true;
      running = reads;
    }
    if (running != null) {
      running.close();
    }
  }

  /** The read-ahead, started on first use; none is started once closed. */
  private synchronized HistoryReadAhead started() {
    if (closed) {
      throw HistoryReadAhead.stopped();
    }
    if (reads == null) {
      reads = start.get();
    }
    return reads;
  }
}
