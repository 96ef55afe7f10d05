package io.github.wandbjdbc.calcite;

import org.apache.calcite.rel.RelNode;

/**
 * An operator of this adapter as {@link PlanLineage} sees it: how its output fields come from its
 * input's, and whether it keeps every row. A scan (no input) is where a lineage ends.
 */
public interface LineageStep extends RelNode {
  /** The input field that output {@code field} is, unchanged; -1 when it is computed. */
  default int inputField(int field) {
    return field;
  }

  /** Whether it may drop rows whatever their run ids (a limit, a count). */
  default boolean limitsRows() {
    return false;
  }
}
