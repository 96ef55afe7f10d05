package io.github.wandbjdbc.calcite;

import org.apache.calcite.runtime.FlatLists;

/**
 * A scan's row as generated code reads it ({@code JavaRowFormat.optimize}): the Object[] of its
 * columns, the bare value when there is one, and an empty comparable list when there is none (a
 * COUNT over a LIMIT asks for no column).
 */
public final class RowFormats {
  private RowFormats() {}

  public static Object row(Object[] values) {
    return switch (values.length) {
      case 0 -> FlatLists.COMPARABLE_EMPTY_LIST;
      case 1 -> values[0];
      default -> values;
    };
  }
}
