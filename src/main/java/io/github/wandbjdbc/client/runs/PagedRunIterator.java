package io.github.wandbjdbc.client.runs;

import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.RequestBudget;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.transport.CursorCheck;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;

/**
 * The runs of a {@link RunQuery}, fetched page by page only as they are consumed: no request is
 * sent before the first {@link #hasNext()}, and the next page only once the current one is used up.
 * It stops after {@code limit} runs (asking for no more than are still needed), follows the cursor
 * of a page the server cut shorter than asked (it ends only where W&B says no page follows, so a
 * server cap on {@code first} costs no extra request), and skips a run whose name it has already
 * returned, because W&B's offset cursors shift when runs are created during a scan.
 *
 * <p>One thread consumes it; {@link #close()} may come from another thread to cancel the scan: a
 * request in flight or a retry wait is aborted, and the consumer's {@code hasNext()} then throws a
 * {@link WandbException}.
 */
final class PagedRunIterator implements RunIterator {

  private final RunPageReader reader;
  private final int pageSize;
  private final int firstPageSize;
  private final long limit;
  private final Queue<Run> buffered = new ArrayDeque<>();
  private final Set<String> returnedNames = new HashSet<>();
  private final Cancellation cancellation;
  private String cursor;
  private boolean lastPageSeen;
  private volatile boolean closed;
  private long returned;
  private long pagesFetched;

  PagedRunIterator(RunPageReader reader, RunQuery query, RequestBudget budget) {
    this.reader = Objects.requireNonNull(reader, "reader is null");
    this.cancellation = new Cancellation(budget);
    this.pageSize = query.rowsPerPage();
    this.firstPageSize = query.firstPageRows();
    this.limit = query.limit();
  }

  @Override
  public boolean hasNext() {
    while (buffered.isEmpty() && !closed && !limitReached() && !lastPageSeen) {
      fetchPage();
    }
    return !buffered.isEmpty() && !closed && !limitReached();
  }

  @Override
  public Run next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Run run = buffered.remove();
    returned++;
    return run;
  }

  @Override
  public long pagesFetched() {
    return pagesFetched;
  }

  /**
   * Stops the iteration: no further pages are fetched, a request in flight is aborted, and {@link
   * #hasNext()} answers false (or throws, if it was waiting on that request).
   */
  @Override
  public void close() {
    closed = true;
    cancellation.cancel();
  }

  private boolean limitReached() {
    return limit >= 0 && returned >= limit;
  }

  private void fetchPage() {
    int pageRows = pagesFetched == 0 ? firstPageSize : pageSize;
    int perPage = limit < 0 ? pageRows : (int) Math.min(pageRows, limit - returned);
    RunPage page = reader.read(cursor, perPage, cancellation);
    pagesFetched++;
    for (Run run : page.runs()) {
      if (returnedNames.add(run.name())) {
        buffered.add(run);
      }
    }
    // An empty page that announces more is followed by its cursor; CursorCheck fails loudly when
    // that cursor is missing or repeats, rather than ending the scan as if it were complete.
    lastPageSeen = !page.hasNextPage();
    if (!lastPageSeen) {
      cursor = CursorCheck.advance(cursor, page.nextCursor(), RunPageReader.DOCUMENT);
    }
  }
}
