package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the histories of a stream of runs, each request carrying several reads (of one or several
 * runs), and hands over the rows read by read. Each read's rows are in step order. When {@code
 * ordered}, requests are handed over in the order of {@link HistoryBatches}, so rows come by run
 * and within a run by step; otherwise in the order they are answered, so that one slow request does
 * not hold up the others.
 *
 * <p>Reading follows the reader. Until the reader has taken {@code rowGoal} rows (its first page),
 * a request is sent only when it asks for rows and none are left, and the first one is sized to the
 * goal: a grid that shows 200 rows and stops costs one request. After that, each request the reader
 * takes doubles the number kept in flight, up to {@code concurrency}; a reader that stops reading
 * stops the requests, as at most that many are ever read ahead of it.
 *
 * <p>An exported run's files are read as a request of their own ({@link ExportReader}), and read
 * live instead when they cannot give the live rows exactly.
 *
 * <p>One thread consumes it; {@link #close()} may come from any thread.
 */
final class HistoryReadAhead implements AutoCloseable {
  /** Row lists one request may carry (reads × lists per read). */
  static final int LISTS_PER_REQUEST = 20;

  private static final AtomicInteger SCANS = new AtomicInteger();

  /** The rows of one read: its run and the rows in step order. */
  record Page(String run, List<ObjectNode> rows) {}

  static final Page END = new Page("", List.of());

  private final HistoryBatchReader reader;
  private final ExportReader exportReader;
  private final HistoryReadPlanner plan;
  private final HistoryBatches batches;
  private final HistoryCacheScope cache;
  private final RunIterator runs;
  private final int concurrency;
  private final long rowGoal;
  private final boolean ordered;
  private final ExactReads exactReads;
  private final ExecutorService workers;

  /** Requests issued and not yet handed over, oldest first; by their order when {@code ordered}. */
  private final Deque<CompletableFuture<List<Page>>> requests = new ArrayDeque<>();

  /** Requests answered and not yet handed over, in the order they were answered. */
  private final BlockingQueue<CompletableFuture<List<Page>>> answered = new LinkedBlockingQueue<>();

  /** Pages of the request being handed over. */
  private final Deque<Page> ready = new ArrayDeque<>();

  /** Completes once the last issued request has taken its batch: batches are taken in order. */
  private CompletableFuture<HistoryBatches.Batch> lastBatch =
      CompletableFuture.completedFuture(null);

  private volatile boolean exhausted;
  private volatile boolean closed;
  private long handedOver;
  private int inFlight = 1;

  HistoryReadAhead(
      HistoryBatchReader reader,
      ExportReader exportReader,
      HistoryReadPlanner plan,
      HistoryCacheScope cache,
      RunIterator runs,
      int concurrency,
      long rowGoal,
      boolean ordered) {
    this.reader = reader;
    this.exportReader = exportReader;
    this.plan = plan;
    this.runs = runs;
    this.concurrency = concurrency;
    this.rowGoal = rowGoal;
    this.ordered = ordered;
    int readsPerRequest = Math.max(1, LISTS_PER_REQUEST / plan.listsPerRead());
    this.exactReads = new ExactReads(reader, readsPerRequest, () -> closed);
    this.cache = cache;
    this.batches = new HistoryBatches(plan, cache, reader, runs, ordered, readsPerRequest);
    this.workers =
        Executors.newFixedThreadPool(
            concurrency,
            DaemonThreads.named("wandb-jdbc-history-" + SCANS.incrementAndGet() + "-"));
  }

  /**
   * The next page, waiting at most {@code waitMillis}: null when none came in time, {@link #END}
   * when every run has been read. Rethrows a worker's failure; fails once the scan is closed.
   */
  Page next(long waitMillis) throws InterruptedException {
    ensureOpen();
    while (ready.isEmpty()) {
      if (requests.isEmpty()) {
        if (exhausted) {
          return END;
        }
        issue();
      }
      CompletableFuture<List<Page>> request =
          ordered ? requests.peekFirst() : answered.poll(waitMillis, TimeUnit.MILLISECONDS);
      if (request == null) {
        return null;
      }
      List<Page> pages;
      try {
        pages = request.get(waitMillis, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return null;
      } catch (ExecutionException e) {
        ensureOpen(); // a request cut off by close() fails too
        throw rethrown(e.getCause());
      }
      requests.remove(request);
      ready.addAll(pages);
      if (handedOver >= rowGoal) { // the reader is past its first page and reads on
        inFlight = Math.min(concurrency, 2 * inFlight);
        while (requests.size() < inFlight && !exhausted) {
          issue();
        }
      }
    }
    Page page = ready.pollFirst();
    handedOver += page.rows().size();
    return page;
  }

  /**
   * Sends the next request once the one before it has taken its batch; while the reader is short of
   * its first page, the request is sized to the rows it still lacks.
   */
  private void issue() {
    long goal = Math.max(0, rowGoal - handedOver);
    CompletableFuture<HistoryBatches.Batch> batch =
        lastBatch.thenApplyAsync(previous -> batches.next(goal), workers);
    lastBatch = batch;
    CompletableFuture<List<Page>> request = batch.thenApplyAsync(this::read, workers);
    requests.addLast(request);
    if (!ordered) {
      request.whenComplete((pages, failure) -> answered.add(request));
    }
  }

  private List<Page> read(HistoryBatches.Batch batch) {
    if (batch.items().isEmpty()) {
      exhausted = true;
      return List.of();
    }
    if (batch.items().get(0) instanceof HistoryBatches.Exported exported) {
      return exported(exported); // alone in its batch
    }
    List<HistoryRead> reads = batch.reads();
    List<List<ExactReads.Leaf>> leavesByRead =
        reads.isEmpty() ? List.of() : exactReads.read(reads, batch.probe());
    List<Page> pages = new ArrayList<>();
    int next = 0;
    for (HistoryBatches.Item item : batch.items()) {
      if (item instanceof HistoryBatches.Cached cached) {
        pages.addAll(cached(item.run(), cached.shape()));
      } else {
        pages.addAll(
            handOver(leavesByRead.get(next++), ((HistoryBatches.LiveRead) item).capture()));
      }
    }
    pages.removeIf(page -> page.rows().isEmpty());
    return pages;
  }

  /**
   * A run's exported steps, from its files, or read live when the files cannot give them exactly.
   * Files that stop before the run's last step while W&B lists no live steps (an export older than
   * the run's last rows) are trusted up to where they stop, and the rest is read live.
   */
  private List<Page> exported(HistoryBatches.Exported item) {
    ensureOpen();
    Run run = item.run();
    ExportReader.Exported exported = exportReader.rowsOrNull(item.export(), run);
    if (exported == null) {
      return liveInstead(item);
    }
    Map<Long, List<ObjectNode>> rowsByFirstStep = new TreeMap<>();
    rowsByFirstStep.put(plan.minStep(), exported.rows());
    List<Page> pages = new ArrayList<>(List.of(new Page(run.name(), exported.rows())));
    long end = Math.min(plan.endStep(), run.lastStep() == null ? 0 : run.lastStep() + 1);
    if (item.export().liveFrom() == null && exported.lastStep() + 1 < end) {
      List<HistoryRead> rest = plan.reads(run, 0, exported.lastStep() + 1, plan.endStep());
      List<ExactReads.Leaf> leaves = new ArrayList<>();
      exactReads.inRequests(rest).forEach(leaves::addAll);
      pages.addAll(pages(leaves, rowsByFirstStep));
    }
    if (item.capture() != null) {
      item.capture().add(rowsByFirstStep);
    }
    pages.removeIf(page -> page.rows().isEmpty());
    return pages;
  }

  /** The exported steps of {@code item}'s run, read live; kept by its capture as one read. */
  private List<Page> liveInstead(HistoryBatches.Exported item) {
    Long liveFrom = item.export().liveFrom();
    long end = liveFrom == null ? plan.endStep() : Math.min(plan.endStep(), liveFrom);
    List<HistoryRead> reads = plan.reads(item.run(), 0, plan.minStep(), end);
    List<Page> pages = new ArrayList<>();
    List<ExactReads.Leaf> all = new ArrayList<>();
    exactReads.inRequests(reads).forEach(all::addAll);
    pages.addAll(handOver(all, item.capture()));
    pages.removeIf(page -> page.rows().isEmpty());
    return pages;
  }

  /**
   * A cached run's rows, loaded here so that workers decode in parallel; read from W&B (and kept
   * again) when the file turns out damaged or replaced since it was found.
   */
  private List<Page> cached(Run run, String shape) {
    List<ObjectNode> rows = cache.cachedRows(run, shape);
    if (rows != null) {
      return List.of(new Page(run.name(), rows));
    }
    List<HistoryRead> reads = plan.reads(run, 0);
    HistoryCacheScope.Capture capture = cache.capture(run, shape, reads.size());
    List<Page> pages = new ArrayList<>();
    exactReads.inRequests(reads).forEach(leaves -> pages.addAll(handOver(leaves, capture)));
    return pages;
  }

  /** The pages of one read's exact answers, kept by {@code capture} (when not null) too. */
  private static List<Page> handOver(
      List<ExactReads.Leaf> leaves, HistoryCacheScope.Capture capture) {
    Map<Long, List<ObjectNode>> rowsByFirstStep = new TreeMap<>();
    List<Page> pages = pages(leaves, rowsByFirstStep);
    if (capture != null) {
      capture.add(rowsByFirstStep);
    }
    return pages;
  }

  /** The pages of exact answers; their rows go into {@code rowsByFirstStep} too. */
  private static List<Page> pages(
      List<ExactReads.Leaf> leaves, Map<Long, List<ObjectNode>> rowsByFirstStep) {
    List<Page> pages = new ArrayList<>(leaves.size());
    for (ExactReads.Leaf leaf : leaves) {
      List<ObjectNode> rows = leaf.answer().mergedByStep();
      rowsByFirstStep.put(HistoryReadPlanner.firstStep(leaf.read()), rows);
      pages.add(new Page(leaf.read().run(), rows));
    }
    return pages;
  }

  private void ensureOpen() {
    if (closed) {
      throw stopped();
    }
  }

  static IllegalStateException stopped() {
    return new IllegalStateException("the history scan was stopped before it finished");
  }

  private static RuntimeException rethrown(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }

  /** Stops the requests: cancels those in flight and their retry waits; idempotent. */
  @Override
  public void close() {
    closed = true;
    reader.close();
    exportReader.close();
    runs.close();
    workers.shutdownNow();
  }
}
