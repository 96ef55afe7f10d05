package io.github.wandbjdbc.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexInputRef;

/**
 * The rules that move work into W&B requests. Each declines, at match time, whatever W&B cannot
 * do exactly (or as a superset that Calcite re-checks); none fires and then fails.
 */
final class WandbRules {
  private static final List<RelOptRule> ALWAYS = List.of(
      WandbProjectRule.RULE,
      // Moves column selection below filters that stay local, so heavy fields they do not need
      // are not requested.
      CoreRules.PROJECT_FILTER_TRANSPOSE,
      WandbToEnumerableConverterRule.RULE,
      // ORDER BY + LIMIT that stays local keeps only OFFSET + FETCH rows, not every run.
      EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
  private static final List<RelOptRule> RULES = List.of(
      WandbFilterRule.RULE,
      WandbProjectRule.RULE,
      CoreRules.PROJECT_FILTER_TRANSPOSE,
      WandbLimitRule.RULE,
      WandbCountRule.RULE,
      WandbCorrelationRule.RULE,
      WandbBatchJoinRule.RULE,
      WandbToEnumerableConverterRule.RULE,
      EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);

  /** Plans of runs queries are shallow; a deeper walk is not a runs lineage. */
  private static final int MAX_DEPTH = 64;

  private WandbRules() {}

  /**
   * Column selection and the local top-N are always on; the translations only with pushdown
   * (a connection's tables share the setting, so the first scan of a query decides).
   */
  static void register(RelOptPlanner planner, boolean pushdown) {
    (pushdown ? RULES : ALWAYS).forEach(planner::addRule);
  }

  /**
   * The runs column a field of {@code rel} is, unchanged (not computed from it), or null. Follows
   * the field down through projections, filters, sorts and planner sets (Calcite's column-origin
   * metadata does not look inside Volcano's sets).
   */
  static ColumnDef runsColumn(RelNode rel, int field) {
    Lineage lineage = trace(rel, field);
    return lineage == null ? null : lineage.table().columns().get(lineage.column());
  }

  /** The runs table {@code rel} reads, when it is a single-table runs query. */
  static RunsTable runsTableOf(RelNode rel) {
    Lineage lineage = trace(rel, NO_FIELD);
    return lineage == null ? null : lineage.table();
  }

  private static final int NO_FIELD = -1;

  /** Where a field (or, with {@link #NO_FIELD}, just the rows) of a plan comes from. */
  private record Lineage(RunsTable table, int column) {}

  private static Lineage trace(RelNode rel, int field) {
    RelNode node = rel;
    int index = field;
    for (int depth = 0; depth < MAX_DEPTH && node != null; depth++) {
      if (node instanceof RelSubset subset) {
        node = traceable(subset);
        continue;
      }
      if (node instanceof WandbTableScan scan) {
        return new Lineage(scan.runsTable(), index);
      }
      if (node instanceof Project project && index != NO_FIELD) {
        if (!(project.getProjects().get(index) instanceof RexInputRef ref)) {
          return null;
        }
        index = ref.getIndex();
      } else if (node instanceof WandbProject project && index != NO_FIELD) {
        index = project.fields().get(index);
      } else if (node instanceof WandbCount && index != NO_FIELD) {
        return null; // a count is computed, not a column
      } else if (!(node instanceof Project || node instanceof Filter || node instanceof Sort
          || node instanceof WandbRel)) {
        return null;
      }
      node = node.getInput(0);
    }
    return null;
  }

  /** Whether W&B already filters the runs that {@code rel} reads (below projections). */
  static boolean alreadyFiltered(RelNode rel) {
    return below(rel, WandbFilter.class);
  }

  /** Whether the runs that {@code rel} reads are already those of a batched join's batch. */
  static boolean alreadyCorrelated(RelNode rel) {
    return below(rel, WandbCorrelatedFilter.class);
  }

  /** Whether {@code kind} is below {@code rel}, under projections and W&B filters only. */
  private static boolean below(RelNode rel, Class<? extends WandbRel> kind) {
    RelNode node = rel;
    for (int depth = 0; depth < MAX_DEPTH && node != null; depth++) {
      if (node instanceof RelSubset subset) {
        node = traceable(subset);
      }
      if (kind.isInstance(node)) {
        return true;
      }
      if (!(node instanceof Project || node instanceof WandbProject || node instanceof WandbFilter
          || node instanceof WandbCorrelatedFilter)) {
        return false;
      }
      node = node.getInput(0);
    }
    return false;
  }

  /**
   * The index of the field of {@code rel} that is the run id of every run it reads, or -1. Only
   * projections and filters may lie between it and the scan: a restriction to some run ids then
   * commutes with everything in between (a LIMIT would not).
   */
  static int runIdField(RelNode rel) {
    if (!unlimited(rel)) {
      return -1;
    }
    for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
      ColumnDef column = runsColumn(rel, i);
      if (column != null && column.name().equals(RUN_ID)) {
        return i;
      }
    }
    return -1;
  }

  private static final String RUN_ID = RunColumn.RUN_ID.definition().name();

  /** Whether {@code rel} reads runs through projections, filters and sorts without a limit only. */
  private static boolean unlimited(RelNode rel) {
    RelNode node = rel;
    for (int depth = 0; depth < MAX_DEPTH && node != null; depth++) {
      if (node instanceof RelSubset subset) {
        if (subset.getRelList().stream().anyMatch(WandbRules::limits)) {
          return false;
        }
        node = traceable(subset);
        continue;
      }
      if (node instanceof WandbTableScan) {
        return true;
      }
      if (limits(node)
          || !(node instanceof Project || node instanceof Filter || node instanceof Sort
              || node instanceof WandbRel)) {
        return false;
      }
      node = node.getInput(0);
    }
    return false;
  }

  /** Whether {@code rel} keeps only some of its input's rows whatever their run ids. */
  private static boolean limits(RelNode rel) {
    return rel instanceof Sort sort && (sort.fetch != null || sort.offset != null)
        || rel instanceof WandbLimit || rel instanceof WandbCount;
  }

  /** A member of the set that the lineage walk understands; all members compute the same rows. */
  private static RelNode traceable(RelSubset subset) {
    for (RelNode member : subset.getRelList()) {
      if (member instanceof WandbRel || member instanceof Project || member instanceof Filter
          || member instanceof Sort) {
        return member;
      }
    }
    return null;
  }

  /** One member of a subset: all members of a set compute the same rows. */
  static RelNode concrete(RelNode rel) {
    if (rel instanceof RelSubset subset) {
      RelNode best = subset.getBest();
      return best != null ? best : subset.getOriginal();
    }
    return rel;
  }
}
