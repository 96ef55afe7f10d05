package io.github.wandbjdbc.client.histories;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Exact answers to history reads: each read's own answer when {@link HistoryCompleteness} judges it
 * complete, else the answers of the re-reads that replace it (split windows), read until exact.
 * Reads travel {@code readsPerRequest} to a request. Safe for the read-ahead's workers at once.
 */
final class ExactReads {
  /** An exact answer: of a read, or of one of the re-reads that replaced it. */
  record Leaf(HistoryRead read, HistoryAnswer answer) {}

  private final HistoryBatchReader reader;
  private final int readsPerRequest;
  private final BooleanSupplier stopped;
  private final HistoryCompleteness completeness = new HistoryCompleteness();

  /** Reads with {@code reader} until {@code stopped} says the scan was closed. */
  ExactReads(HistoryBatchReader reader, int readsPerRequest, BooleanSupplier stopped) {
    this.reader = reader;
    this.readsPerRequest = readsPerRequest;
    this.stopped = stopped;
  }

  /**
   * The exact answers of each of {@code reads}, in order: its own when exact, else those of the
   * re-reads that replace it, read a request's worth at a time.
   */
  List<List<Leaf>> read(List<HistoryRead> reads, HistoryRead probe) {
    if (stopped.getAsBoolean()) {
      throw HistoryReadAhead.stopped();
    }
    List<HistoryRead> request = new ArrayList<>(reads);
    if (probe != null) {
      request.add(probe);
    }
    List<HistoryAnswer> answers = reader.read(request);
    completeness.observe(request, answers);
    List<List<HistoryRead>> rereads = new ArrayList<>(reads.size());
    List<HistoryRead> again = new ArrayList<>();
    for (int i = 0; i < reads.size(); i++) {
      rereads.add(completeness.rereads(reads.get(i), answers.get(i)));
      again.addAll(rereads.get(i));
    }
    List<List<Leaf>> againLeaves = inRequests(again);
    List<List<Leaf>> leaves = new ArrayList<>(reads.size());
    int next = 0;
    for (int i = 0; i < reads.size(); i++) {
      if (rereads.get(i).isEmpty()) {
        leaves.add(List.of(new Leaf(reads.get(i), answers.get(i))));
      } else {
        List<Leaf> replaced = new ArrayList<>();
        for (int j = 0; j < rereads.get(i).size(); j++) {
          replaced.addAll(againLeaves.get(next++));
        }
        leaves.add(replaced);
      }
    }
    return leaves;
  }

  /** {@link #read} of {@code reads}, a request's worth at a time, in order. */
  List<List<Leaf>> inRequests(List<HistoryRead> reads) {
    List<List<Leaf>> leaves = new ArrayList<>(reads.size());
    for (int from = 0; from < reads.size(); from += readsPerRequest) {
      leaves.addAll(
          read(reads.subList(from, Math.min(reads.size(), from + readsPerRequest)), null));
    }
    return leaves;
  }
}
