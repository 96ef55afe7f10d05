package io.github.wandbjdbc.client.runs;

import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunRanking;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link MetricOrderReader} holds between requests: the runs proven and ready to hand over,
 * in the ranking's order; the runs kept for after the last number; and the names of the runs
 * already handed over.
 *
 * @param <K> the ranking's sort key
 */
final class RankedRuns<K> {
  /** A run and its sort key. */
  record Ranked<K>(Run run, K key) {}

  private final RunRanking<K> ranking;
  private final Comparator<Ranked<K>> order;
  private final Deque<Ranked<K>> ready = new ArrayDeque<>();
  private final List<Ranked<K>> tail = new ArrayList<>();
  private final Set<String> handedOver = new HashSet<>();

  RankedRuns(RunRanking<K> ranking) {
    this.ranking = ranking;
    Comparator<K> keys = ranking.order();
    this.order = (a, b) -> keys.compare(a.key(), b.key());
  }

  Ranked<K> rank(Run run) {
    return new Ranked<>(run, ranking.key(run));
  }

  /** The metric of a run the ranking reads a number for. */
  double metric(Ranked<K> run) {
    return ranking.number(run.key());
  }

  /** Sorts {@code runs} in the ranking's order. */
  void sort(List<Ranked<K>> runs) {
    runs.sort(order);
  }

  /** Adds proven runs to those ready, in order. */
  void ready(Collection<Ranked<K>> runs) {
    List<Ranked<K>> sorted = new ArrayList<>(ready);
    sorted.addAll(runs);
    sorted.sort(order);
    ready.clear();
    ready.addAll(sorted);
  }

  /** Places runs the ranking reads no number for: before the numbers, or kept for the end. */
  void placeWithoutNumbers(List<Ranked<K>> runs) {
    List<Ranked<K>> before = new ArrayList<>();
    for (Ranked<K> run : runs) {
      if (ranking.beforeNumbers(run.key())) {
        before.add(run);
      } else {
        keepForEnd(run);
      }
    }
    ready(before);
  }

  /** Keeps a run for after the last number. */
  void keepForEnd(Ranked<K> run) {
    tail.add(run);
  }

  /** Makes the runs kept for the end ready, after all others. */
  void releaseEnd() {
    tail.sort(order);
    ready.addAll(tail);
    tail.clear();
  }

  /** Drops everything but the names handed over, and makes {@code all}, less those, ready. */
  void replaceWith(List<Ranked<K>> all) {
    List<Ranked<K>> rest = new ArrayList<>();
    for (Ranked<K> run : all) {
      if (!handedOver.contains(run.run().name())) {
        rest.add(run);
      }
    }
    rest.sort(order);
    ready.clear();
    tail.clear();
    ready.addAll(rest);
  }

  boolean hasReady() {
    return !ready.isEmpty();
  }

  /** The next ready run, now handed over. */
  Run handOver() {
    Run run = ready.poll().run();
    handedOver.add(run.name());
    return run;
  }

  long handedOver() {
    return handedOver.size();
  }
}
