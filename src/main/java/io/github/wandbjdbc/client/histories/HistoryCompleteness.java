package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.WandbInexactException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the answers of one scan's reads are complete, and the re-reads that replace those that
 * may not be. W&B returns at most as many rows as a list asks for and may cap that number lower,
 * unannounced, by sampling; no answer holds more than the cap. So the largest answer seen so far
 * (the cap probe's among them) vouches for every smaller one; a window answer that might be a
 * sample is split in two and read again, and a system stream W&B would only sample fails the read.
 * Shared by the scan's workers.
 */
final class HistoryCompleteness {
  /** The most rows any list of this scan held. */
  private final AtomicInteger largestAnswer = new AtomicInteger();

  /**
   * Counts the answers of one request towards the largest answer, before any of them is judged:
   * every list counts, the cap probe's too, for none holds more rows than the server's cap.
   */
  void observe(List<HistoryRead> reads, List<HistoryAnswer> answers) {
    for (int i = 0; i < reads.size(); i++) {
      if (!(reads.get(i) instanceof HistoryRead.Events)) { // another API, with its own limits
        answers
            .get(i)
            .rowLists()
            .forEach(rows -> largestAnswer.accumulateAndGet(rows.size(), Math::max));
      }
    }
  }

  /**
   * The reads that replace {@code read} because its answer may be incomplete, or an empty list when
   * the answer is exact. Call {@link #observe} with its request's answers first. Throws when no
   * read could make it exact.
   */
  List<HistoryRead> rereads(HistoryRead read, HistoryAnswer answer) {
    if (read instanceof HistoryRead.Events events) {
      return eventRereads(events, answer);
    }
    long[] steps = HistoryReadPlanner.steps(read);
    if (steps == null) {
      return List.of(); // a sampled read is sampled by definition
    }
    long from = steps[0];
    long to = steps[1];
    int asked =
        read instanceof HistoryRead.Window w
            ? w.samples()
            : ((HistoryRead.Specs) read).specs().get(0).samples();
    boolean complete = true;
    for (List<ObjectNode> rows : answer.rowLists()) {
      complete &= isComplete(rows.size(), to - from, asked);
    }
    if (complete) {
      return List.of();
    }
    long middle = from + (to - from) / 2;
    List<List<String>> specKeys =
        read instanceof HistoryRead.Specs specsRead
            ? specsRead.specs().stream().map(HistorySpec::keys).toList()
            : null;
    return List.of(
        HistoryReadPlanner.window(read.run(), specKeys, from, middle),
        HistoryReadPlanner.window(read.run(), specKeys, middle, to));
  }

  /**
   * Whether an answer of {@code rows} rows, of at most {@code asked}, for a window of {@code width}
   * steps holds every row. Empty, or one row per step, it does. Otherwise it may be a sample, for
   * W&B returns at most as many rows as asked and may cap that number lower, unannounced: a sampled
   * answer holds exactly that cap, and no answer holds more. So an answer of fewer rows than asked
   * and than some answer seen (the cap probe's, or any other) is complete; any other is split and
   * read again.
   */
  private boolean isComplete(int rows, long width, int asked) {
    return rows == 0 || rows >= width || (rows < asked && rows < largestAnswer.get());
  }

  private static List<HistoryRead> eventRereads(HistoryRead.Events read, HistoryAnswer answer) {
    int rows = answer.rows().size();
    Long total = answer.eventsLineCount();
    if (total == null ? rows < read.samples() : rows >= total) {
      return List.of();
    }
    if (total != null && total > read.samples() && total <= HistoryReadPlanner.MAX_EVENTS) {
      return List.of(new HistoryRead.Events(read.run(), (int) (long) total));
    }
    throw new WandbInexactException(
        "W&B returned "
            + rows
            + " of "
            + (total == null ? "at least " + rows : total.toString())
            + " system-metric rows of run "
            + read.run()
            + ": its events API samples longer streams, "
            + "so system_metrics cannot answer exactly for this run. Use sampled data through "
            + "runs.system_metrics, or filter on other runs.",
        HistoryBatchDocument.OPERATION);
  }
}
