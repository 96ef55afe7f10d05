package io.github.wandbjdbc.calcite;

import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexInputRef;

/**
 * Where the fields and rows of a plan come from: walks down through projections, filters, sorts,
 * this adapter's operators ({@link LineageStep}) and Volcano's sets, whose members all compute the
 * same rows (Calcite's column-origin metadata does not look inside those sets).
 */
public final class PlanLineage {
  /** The column every table of this adapter keys its rows by. */
  public static final String RUN_ID = "run_id";

  /** Plans over one scan are shallow; a deeper walk is not one. */
  private static final int MAX_DEPTH = 64;

  /** Follows the rows only, not a field. */
  private static final int ROWS = -2;

  private PlanLineage() {}

  /** A field of a scan. */
  public record Origin(RelNode scan, int field) {}

  /** The scan field that {@code field} of {@code rel} is, unchanged (not computed), or null. */
  public static Origin origin(RelNode rel, int field) {
    return walk(rel, field, false);
  }

  /** The scan that {@code rel} reads its rows from, when it reads one, or null. */
  public static RelNode scan(RelNode rel) {
    Origin origin = walk(rel, ROWS, false);
    return origin == null ? null : origin.scan();
  }

  /**
   * The index of the field of {@code rel} that is the run id of a {@code scanKind} scan, or -1.
   * Only operators that keep every row may lie between: a restriction to some run ids then commutes
   * with each of them (it would not with a limit).
   */
  public static int runIdField(RelNode rel, Class<? extends RelNode> scanKind) {
    for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
      Origin origin = walk(rel, i, true);
      if (origin != null
          && scanKind.isInstance(origin.scan())
          && origin.scan().getRowType().getFieldNames().get(origin.field()).equals(RUN_ID)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code rel} returns every row of one of this adapter's tables, as the SQL wrote it:
   * only projections and sorts without OFFSET/FETCH lie between it and the scan. Sets are read
   * through their first (logical) member, which holds the query's own filters.
   */
  public static boolean readsWholeTable(RelNode rel) {
    RelNode node = rel;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (node instanceof RelSubset subset) {
        node = subset.getOriginal();
      } else if (node instanceof LineageStep && node.getInputs().isEmpty()) {
        return true;
      } else if (node instanceof Project || node instanceof Sort && !limitsRows(node)) {
        node = node.getInput(0);
      } else {
        return false;
      }
    }
    return false;
  }

  private static Origin walk(RelNode rel, int field, boolean everyRow) {
    RelNode node = rel;
    int index = field;
    for (int depth = 0; depth < MAX_DEPTH && node != null; depth++) {
      if (node instanceof RelSubset subset) {
        if (everyRow && subset.getRelList().stream().anyMatch(PlanLineage::limitsRows)) {
          return null;
        }
        node = member(subset);
        continue;
      }
      if (everyRow && limitsRows(node)) {
        return null;
      }
      if (node instanceof LineageStep step) {
        if (node.getInputs().isEmpty()) {
          return new Origin(node, index);
        }
        index = index == ROWS ? ROWS : step.inputField(index);
      } else if (node instanceof Project project && index != ROWS) {
        if (!(project.getProjects().get(index) instanceof RexInputRef ref)) {
          return null;
        }
        index = ref.getIndex();
      } else if (!(node instanceof Project || node instanceof Filter || node instanceof Sort)) {
        return null;
      }
      if (index == -1) {
        return null;
      }
      node = node.getInput(0);
    }
    return null;
  }

  private static boolean limitsRows(RelNode rel) {
    return rel instanceof Sort sort && (sort.fetch != null || sort.offset != null)
        || rel instanceof LineageStep step && step.limitsRows();
  }

  /** A member of the set this walk understands, this adapter's own operators first. */
  private static RelNode member(RelSubset subset) {
    RelNode found = null;
    for (RelNode member : subset.getRelList()) {
      if (member instanceof LineageStep) {
        return member;
      }
      if (found == null
          && (member instanceof Project || member instanceof Filter || member instanceof Sort)) {
        found = member;
      }
    }
    return found;
  }
}
