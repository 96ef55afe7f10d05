package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.transport.FileDownloads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the exported part of one run's history from its parquet files: every file once (its footer
 * and the chunks of the projected columns in the row groups that hold wanted steps), the rows
 * merged in step order, cut to the wanted steps before the live boundary, and shaped as the live
 * read of the same keys would answer them.
 *
 * <p>A refused URL surfaces as {@link FileDownloads.FileRefusedException}, for the caller to ask
 * W&B for fresh URLs; anything else that keeps the files from giving exactly the live rows is an
 * {@link ExportUnreadableException}, and the caller reads the run live. A cancelled scan fails as
 * such.
 */
final class ExportReader {
  private final FileDownloads downloads;
  private final Cancellation scope;

  ExportReader(FileDownloads downloads, Cancellation scope) {
    this.downloads = downloads;
    this.scope = scope;
  }

  /**
   * The rows of {@code run} from steps {@code from} (inclusive) to {@code to} (exclusive) that its
   * files answer for, holding {@code _step} and {@code keys} (every column when null); with {@code
   * onlyRowsWithAKey}, rows holding none of the keys are left out, as the live read leaves them.
   */
  List<ObjectNode> rows(
      RunExport export, Run run, List<String> keys, boolean onlyRowsWithAKey, long from, long to) {
    long end = export.liveFrom() == null ? to : Math.min(to, export.liveFrom());
    List<ObjectNode> rows = new ArrayList<>();
    for (String url : export.files()) {
      try (ExportFile file = new ExportFile(new RangeReadFile(downloads, url, scope))) {
        MessageType projection = ExportColumns.projection(file.schema(), keys, run.historyKeys());
        for (ObjectNode row : file.rows(projection, from, end)) {
          long step = ExportFile.step(row);
          if (step >= from && step < end && (!onlyRowsWithAKey || row.size() > 1)) {
            rows.add(row);
          }
        }
      } catch (ExportUnreadableException e) {
        throw e;
      } catch (Exception e) {
        throw unreadable(url, e);
      }
    }
    rows.sort(Comparator.comparingLong(ExportFile::step));
    for (int i = 1; i < rows.size(); i++) {
      if (ExportFile.step(rows.get(i)) == ExportFile.step(rows.get(i - 1))) {
        throw new ExportUnreadableException(
            "step " + ExportFile.step(rows.get(i)) + " is in the export twice");
      }
    }
    return rows;
  }

  /** Why a file could not be read; a refused URL or a cancelled scan is rethrown as it is. */
  private RuntimeException unreadable(String url, Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileDownloads.FileRefusedException refused) {
        return refused;
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
