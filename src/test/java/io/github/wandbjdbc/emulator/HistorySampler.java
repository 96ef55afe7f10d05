package io.github.wandbjdbc.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Down-samples a window of rows deterministically: evenly spaced picks that always keep the
 * window's first and last row, so a client sees the whole step range at a coarser resolution. W&B's
 * exact algorithm is unknown; clients may rely only on the count and the end points.
 */
final class HistorySampler {
  private HistorySampler() {}

  static <T> List<T> sample(List<T> rows, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    int n = rows.size();
    if (n <= limit) {
      return rows;
    }
    if (limit == 1) {
      return List.of(rows.get(0));
    }
    List<T> picked = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      // Spacing (n-1)/(limit-1) > 1 here, so the floored indices are strictly increasing.
      picked.add(rows.get((int) ((long) i * (n - 1) / (limit - 1))));
    }
    return picked;
  }
}
