package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.WandbBudgetExceededException;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.transport.FileDownloads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the exported part of one run's history from its parquet files, for one scan: every file
 * once (its footer and the chunks of the projected columns in the row groups that hold wanted
 * steps), the rows merged in step order, cut to the scan's steps before the live boundary, and
 * shaped as the scan's live reads would answer them.
 *
 * <p>When the storage host refuses a URL, W&B is asked once for fresh ones; when the files cannot
 * give exactly the live rows (see {@link ExportUnreadableException}), the caller reads the run
 * live. A cancelled scan fails as such.
 */
final class ExportReader {
  private static final Logger LOG = Logger.getLogger("io.github.wandbjdbc.client");

  /** File requests in flight for one scan: storage hosts are not under W&B's rate limit. */
  static final int FILE_REQUESTS = 32;

  private final FileDownloads downloads;
  private final Cancellation scope;
  private final HistoryBatchReader exports;
  private final HistoryReadPlanner plan;
  private final ExecutorService requests;

  /** Reads with {@code downloads} under {@code scope}; {@code exports} gives fresh URLs. */
  ExportReader(
      FileDownloads downloads,
      Cancellation scope,
      HistoryBatchReader exports,
      HistoryReadPlanner plan) {
    this.downloads = downloads;
    this.scope = scope;
    this.exports = exports;
    this.plan = plan;
    this.requests =
        Executors.newFixedThreadPool(FILE_REQUESTS, DaemonThreads.named("wandb-jdbc-file-"));
  }

  /**
   * Rows read from a run's files, and the last step the files hold in the scan's steps ({@code from
   * - 1} when none): rows left out for lacking the keys still count.
   */
  record Exported(List<ObjectNode> rows, long lastStep) {}

  /**
   * The rows of {@code run} that {@code export}'s files answer for in the scan's steps; null when
   * they must be read live instead.
   */
  Exported rowsOrNull(RunExport export, Run run) {
    try {
      try {
        return rows(export, run);
      } catch (FileDownloads.FileRefusedException refused) {
        RunExport fresh = exports.exports(List.of(run.name())).get(0);
        boolean same = fresh.exported() && Objects.equals(fresh.liveFrom(), export.liveFrom());
        return same ? rows(fresh, run) : null;
      }
    } catch (FileDownloads.FileRefusedException | ExportUnreadableException e) {
      LOG.fine(() -> "run " + run.name() + " is read live: " + e.getMessage());
      return null;
    }
  }

  /**
   * The rows the files answer for, holding {@code _step} and the plan's keys (every column when it
   * reads whole rows); rows holding none of the keys are left out where the live reads leave them.
   */
  private Exported rows(RunExport export, Run run) {
    List<String> keys = plan.exportKeys();
    boolean onlyRowsWithAKey = plan.onlyRowsWithAKey();
    long from = plan.minStep();
    long end =
        export.liveFrom() == null ? plan.endStep() : Math.min(plan.endStep(), export.liveFrom());
    // Every column of every step: a file is fetched whole, else opened by its tail.
    boolean whole = keys == null && from <= 0 && plan.endStep() == Long.MAX_VALUE;
    List<CompletableFuture<RangeReadFile>> opened = new ArrayList<>();
    for (String url : export.files()) {
      opened.add(
          CompletableFuture.supplyAsync(
              () ->
                  whole
                      ? RangeReadFile.whole(downloads, url, scope)
                      : RangeReadFile.tail(downloads, url, scope),
              requests));
    }
    List<ExportFile> files = new ArrayList<>();
    try {
      List<CompletableFuture<Void>> fetches = new ArrayList<>();
      List<MessageType> projections = new ArrayList<>();
      for (int i = 0; i < opened.size(); i++) {
        RangeReadFile file = opened(opened.get(i), export.files().get(i));
        files.add(open(file, export.files().get(i)));
        MessageType projection =
            ExportColumns.projection(files.get(i).schema(), keys, run.historyKeys());
        projections.add(projection);
        if (!whole) { // every file's chunks at once
          List<long[]> spans = files.get(i).chunkSpans(projection, from, end);
          fetches.add(file.prefetch(spans, requests));
        }
      }
      for (int i = 0; i < fetches.size(); i++) {
        awaitFetch(fetches.get(i), export.files().get(i));
      }
      List<List<ObjectNode>> rowsByFile = new ArrayList<>();
      long lastStep = from - 1;
      for (int i = 0; i < files.size(); i++) {
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode row :
            rows(files.get(i), projections.get(i), from, end, export.files().get(i))) {
          long step = ExportFile.step(row);
          if (step >= from && step < end) {
            lastStep = Math.max(lastStep, step);
            if (!onlyRowsWithAKey || row.size() > 1) {
              kept.add(row);
            }
          }
        }
        rowsByFile.add(kept);
      }
      return new Exported(inStepOrder(rowsByFile), lastStep);
    } finally {
      files.forEach(ExportFile::close);
    }
  }

  /**
   * The files' rows as one list in step order. Each file holds its steps in order and files do not
   * overlap, so the files are put in order of their first steps; rows are sorted only when that
   * does not give increasing steps. A step twice means files that overlap, which cannot be merged.
   */
  private static List<ObjectNode> inStepOrder(List<List<ObjectNode>> rowsByFile) {
    List<List<ObjectNode>> files = new ArrayList<>(rowsByFile);
    files.removeIf(List::isEmpty);
    files.sort(Comparator.comparingLong(rows -> ExportFile.step(rows.get(0))));
    List<ObjectNode> rows = new ArrayList<>();
    files.forEach(rows::addAll);
    long[] steps = new long[rows.size()];
    boolean increasing = true;
    for (int i = 0; i < steps.length; i++) {
      steps[i] = ExportFile.step(rows.get(i));
      increasing &= i == 0 || steps[i] > steps[i - 1];
    }
    if (increasing) {
      return rows;
    }
    Integer[] order = new Integer[steps.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong(i -> steps[i]));
    List<ObjectNode> sorted = new ArrayList<>(rows.size());
    for (int i = 0; i < order.length; i++) {
      if (i > 0 && steps[order[i]] == steps[order[i - 1]]) {
        throw new ExportUnreadableException("step " + steps[order[i]] + " is in the export twice");
      }
      sorted.add(rows.get(order[i]));
    }
    return sorted;
  }

  private RangeReadFile opened(CompletableFuture<RangeReadFile> opening, String url) {
    try {
      return opening.join();
    } catch (RuntimeException e) {
      throw unreadable(url, e);
    }
  }

  private ExportFile open(RangeReadFile file, String url) {
    try {
      return new ExportFile(file);
    } catch (IOException | RuntimeException e) {
      throw unreadable(url, e);
    }
  }

  private void awaitFetch(CompletableFuture<Void> fetch, String url) {
    try {
      fetch.join();
    } catch (RuntimeException e) {
      throw unreadable(url, e);
    }
  }

  private List<ObjectNode> rows(
      ExportFile file, MessageType projection, long from, long end, String url) {
    try {
      return file.rows(projection, from, end);
    } catch (ExportUnreadableException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unreadable(url, e);
    }
  }

  /** Stops the file requests of the scan; idempotent. */
  void close() {
    requests.shutdownNow();
  }

  /** Why a file could not be read; a refused URL or a cancelled scan is rethrown as it is. */
  private RuntimeException unreadable(String url, Exception failure) {
    if (failure instanceof ExportUnreadableException unreadable) {
      return unreadable;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileDownloads.FileRefusedException refused) {
        return refused;
      }
      if (t instanceof WandbBudgetExceededException spent) {
        return spent; // reading live would only spend more
      }
    }
    if (scope.isCancelled()) {
      return failure instanceof WandbException w
          ? w
          : new WandbException("the history scan was cancelled", "parquet export", 0, failure);
    }
    String where = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    return new ExportUnreadableException("export file " + where + ": " + failure, failure);
  }
}
