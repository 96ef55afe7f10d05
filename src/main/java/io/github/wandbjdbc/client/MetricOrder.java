package io.github.wandbjdbc.client;

import java.util.Objects;

/**
 * A run listing handed over in the order of one numeric config or summary key, read only as far as
 * the consumer takes it. W&B's {@code order} is only a hint: the client trusts W&B to compare
 * finite numbers as numbers and proves each page by counts; where the proof fails it reads every
 * run and sorts them by the {@link RunRanking}.
 *
 * @param filterKey the key's path in W&B's filter language
 * @param orderPath the key's path in W&B's {@code order} argument
 * @param descending whether greater numbers come first
 * @param goal the rows wanted first (OFFSET plus FETCH), which size the first page
 * @param ranking where SQL puts each run: the whole ORDER BY, with NULL, NaN and ±Infinity
 */
public record MetricOrder(
    String filterKey, String orderPath, boolean descending, long goal, RunRanking<?> ranking) {
  public MetricOrder {
    Objects.requireNonNull(filterKey, "filterKey is null");
    Objects.requireNonNull(orderPath, "orderPath is null");
    Objects.requireNonNull(ranking, "ranking is null");
  }

  /** The order W&B is asked for, as a hint. */
  public String hint() {
    return hint(descending, orderPath);
  }

  /** W&B's {@code order} argument for a key's path and direction. */
  public static String hint(boolean descending, String orderPath) {
    return (descending ? "-" : "+") + orderPath;
  }
}
