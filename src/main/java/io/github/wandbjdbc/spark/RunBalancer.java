package io.github.wandbjdbc.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Deals runs into partitions of about equal history length: longest run first, each to the
 * partition holding the fewest steps so far. Every run lands in exactly one partition.
 */
final class RunBalancer {
  private RunBalancer() {}

  /** A run and its history length ({@code history_line_count}). */
  record RunSize(String runId, long lines) {}

  /** At most {@code partitions} non-empty groups of run ids. */
  static List<List<String>> balance(List<RunSize> runs, int partitions) {
    int n = Math.max(1, Math.min(partitions, runs.size()));
    List<List<String>> groups = new ArrayList<>();
    PriorityQueue<long[]> lightest =
        new PriorityQueue<>(
            Comparator.<long[]>comparingLong(g -> g[0]).thenComparingLong(g -> g[1]));
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
      lightest.add(new long[] {0, i});
    }
    List<RunSize> longestFirst = new ArrayList<>(runs);
    longestFirst.sort(
        Comparator.comparingLong(RunSize::lines).reversed().thenComparing(RunSize::runId));
    for (RunSize run : longestFirst) {
      long[] group = lightest.poll();
      groups.get((int) group[1]).add(run.runId());
      // A run of unknown or zero length still costs a request or two.
      group[0] += Math.max(1, run.lines());
      lightest.add(group);
    }
    groups.removeIf(List::isEmpty);
    return groups;
  }
}
