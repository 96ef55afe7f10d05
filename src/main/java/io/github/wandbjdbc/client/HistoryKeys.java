package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A run's history keys: the last logged step ({@code -1} when W&B reports none) and, per key, the
 * metadata W&B sends ({@code typeCounts}, {@code monotonic}, {@code previousValue}, ...).
 */
public record HistoryKeys(long lastStep, ObjectNode keys) {

  public HistoryKeys {
    Objects.requireNonNull(keys, "keys is null");
  }
}
