package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the histories of a stream of runs with up to {@code concurrency} requests in flight, each
 * request carrying several reads (of one or several runs), and hands over the rows run window by
 * run window. Workers take the next reads from a shared source that lists runs lazily; the
 * hand-over queue is bounded, so a slow consumer stops the workers and memory stays flat however
 * long the histories are. Rows of one window come in step order; windows and runs interleave.
 */
final class HistoryReadAhead implements AutoCloseable {
  /** Row lists one request may carry (reads × lists per read). */
  static final int LISTS_PER_REQUEST = 20;

  private static final AtomicInteger SCANS = new AtomicInteger();

  /** The rows of one read: its run and the rows in step order. */
  record Page(String run, List<ObjectNode> rows) {}

  private final HistoryBatchReader reader;
  private final HistoryReadPlanner plan;
  private final RunIterator runs;
  private final Deque<HistoryRead> pending = new ArrayDeque<>();
  private final BlockingQueue<Page> pages;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicInteger liveWorkers;
  private final ExecutorService workers;
  private final int readsPerRequest;
  private volatile boolean closed;

  HistoryReadAhead(
      HistoryBatchReader reader, HistoryReadPlanner plan, RunIterator runs, int concurrency) {
    this.reader = reader;
    this.plan = plan;
    this.runs = runs;
    this.readsPerRequest = Math.max(1, LISTS_PER_REQUEST / plan.listsPerRead());
    this.pages = new ArrayBlockingQueue<>(2 * concurrency);
    this.liveWorkers = new AtomicInteger(concurrency);
    int scan = SCANS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            concurrency,
            task -> {
              Thread t =
                  new Thread(task, "wandb-jdbc-history-" + scan + "-" + thread.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < concurrency; i++) {
      workers.execute(this::work);
    }
  }

  /**
   * The next page, waiting at most {@code waitMillis}: null when none came in time, {@link #END}
   * when every run has been read. Rethrows a worker's failure; fails once the scan is closed.
   */
  Page next(long waitMillis) throws InterruptedException {
    ensureOpen();
    Page page = pages.poll(waitMillis, TimeUnit.MILLISECONDS);
    if (page == null) {
      rethrowFailure();
      // Workers offer their pages before they finish, so once none is live the queue is final.
      if (liveWorkers.get() == 0) {
        page = pages.poll();
        if (page == null) {
          ensureOpen(); // workers also finish when closed, without reading everything
          return END;
        }
      }
    }
    return page;
  }

  private void ensureOpen() {
    if (closed) {
      throw stopped();
    }
  }

  static IllegalStateException stopped() {
    return new IllegalStateException("the history scan was stopped before it finished");
  }

  static final Page END = new Page("", List.of());

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private void work() {
    try {
      List<HistoryRead> batch;
      while (!closed && !(batch = nextBatch()).isEmpty()) {
        read(batch);
      }
    } catch (Throwable t) {
      if (!closed) {
        failure.compareAndSet(null, t);
      }
    } finally {
      liveWorkers.decrementAndGet();
    }
  }

  /** Reads {@code batch} and every re-read it needs, handing over exact answers only. */
  private void read(List<HistoryRead> batch) throws InterruptedException {
    List<HistoryRead> todo = batch;
    while (!todo.isEmpty() && !closed) {
      List<HistoryAnswer> answers = reader.read(todo);
      List<HistoryRead> again = new ArrayList<>();
      for (int i = 0; i < todo.size(); i++) {
        List<HistoryRead> rereads = plan.rereads(todo.get(i), answers.get(i));
        if (rereads.isEmpty()) {
          offer(new Page(todo.get(i).run(), answers.get(i).mergedByStep()));
        } else {
          again.addAll(rereads);
        }
      }
      todo = again.size() <= readsPerRequest ? again : requeue(again);
    }
  }

  /** Keeps one request's worth of re-reads and gives the rest back to the shared source. */
  private List<HistoryRead> requeue(List<HistoryRead> reads) {
    synchronized (pending) {
      reads.subList(readsPerRequest, reads.size()).forEach(pending::addFirst);
    }
    return new ArrayList<>(reads.subList(0, readsPerRequest));
  }

  private void offer(Page page) throws InterruptedException {
    while (!closed && !page.rows().isEmpty()) {
      if (pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
  }

  /** Up to one request's worth of reads, listing more runs when none are pending. */
  private List<HistoryRead> nextBatch() {
    synchronized (pending) {
      while (pending.size() < readsPerRequest && runs.hasNext() && !closed) {
        pending.addAll(plan.reads(runs.next()));
      }
      List<HistoryRead> batch = new ArrayList<>(readsPerRequest);
      while (batch.size() < readsPerRequest && !pending.isEmpty()) {
        batch.add(pending.pollFirst());
      }
      return batch;
    }
  }

  /** Stops the workers: cancels their requests in flight and retry waits; idempotent. */
  @Override
  public void close() {
    closed = true;
    reader.close();
    runs.close();
    workers.shutdownNow();
    pages.clear();
  }
}
