package io.github.wandbjdbc.calcite;

import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Finds the {@code run_id} of a history scan in a plan above it, through projections, filters
 * and planner sets only: a restriction to some run ids commutes with those (not with a limit).
 */
final class HistoryLineage {
  /** Plans over a history scan are shallow; a deeper walk is not one. */
  private static final int MAX_DEPTH = 64;

  private HistoryLineage() {}

  /** The index of the field of {@code rel} that is a history scan's run_id, or -1. */
  static int runIdField(RelNode rel) {
    for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
      if (isRunId(rel, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isRunId(RelNode rel, int field) {
    RelNode node = rel;
    int index = field;
    for (int depth = 0; depth < MAX_DEPTH && node != null; depth++) {
      if (node instanceof RelSubset subset) {
        node = member(subset);
      } else if (node instanceof HistoriesScan scan) {
        return scan.getRowType().getFieldNames().get(index).equals(HistoryColumn.RUN_ID);
      } else if (node instanceof Project project) {
        RexNode expression = project.getProjects().get(index);
        if (!(expression instanceof RexInputRef ref)) {
          return false;
        }
        index = ref.getIndex();
        node = project.getInput();
      } else if (node instanceof Filter filter) {
        node = filter.getInput();
      } else {
        return false;
      }
    }
    return false;
  }

  /** A member of the set this walk understands (all members compute the same rows). */
  private static RelNode member(RelSubset subset) {
    RelNode found = null;
    for (RelNode member : subset.getRelList()) {
      if (member instanceof HistoriesScan) {
        return member;
      }
      if (found == null && (member instanceof Project || member instanceof Filter)) {
        found = member;
      }
    }
    return found;
  }
}
