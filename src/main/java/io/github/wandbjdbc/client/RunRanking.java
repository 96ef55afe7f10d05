package io.github.wandbjdbc.client;

import java.util.Comparator;

/**
 * How SQL ranks runs under a {@link MetricOrder}: the adapter's meaning, which the client reads by.
 * The client orders no run itself: it asks W&B for ranges of finite numbers, proves them by counts,
 * and places and sorts every run as this ranking says.
 *
 * @param <K> a run's sort key, computed once per run
 */
public interface RunRanking<K> {

  /** The sort key of {@code run}. */
  K key(Run run);

  /** The whole ORDER BY over keys, ties included. */
  Comparator<K> order();

  /**
   * The metric as a finite number, or null when SQL reads something else (NULL, NaN, ±Infinity).
   */
  Double number(K key);

  /** Whether SQL reads the metric as NULL. */
  boolean isNull(K key);

  /** Whether SQL puts {@code key}, whose metric is not a finite number, before every finite one. */
  boolean beforeNumbers(K key);
}
