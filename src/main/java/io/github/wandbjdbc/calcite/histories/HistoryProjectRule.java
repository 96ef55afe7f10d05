package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.RewriteRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Narrows a history scan to the columns a projection uses: unselected metric keys are not fetched
 * at all, and {@code row} (whole rows) only when named. Never changes results, so it is on even
 * without pushdown.
 */
final class HistoryProjectRule {
  static final RelOptRule RULE =
      RewriteRule.aboveLeaf(
          "HistoryProjectRule",
          Project.class,
          HistoryTableScan.class,
          HistoryProjectRule::narrowed);

  private HistoryProjectRule() {}

  private static RelNode narrowed(Project project, HistoryTableScan scan) {
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    int width = scan.getRowType().getFieldCount();
    if (used.cardinality() == width) {
      return null;
    }
    List<Integer> kept = new ArrayList<>(used.cardinality());
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, width, used.cardinality());
    for (int field : used) {
      mapping.set(field, kept.size());
      kept.add(scan.columns().get(field));
    }
    HistoryTableScan narrowed = scan.withColumns(kept);
    List<RexNode> projects = RexPermuteInputsShuttle.of(mapping).visitList(project.getProjects());
    return RexUtil.isIdentity(projects, narrowed.getRowType())
        ? narrowed
        : project.copy(project.getTraitSet(), narrowed, projects, project.getRowType());
  }
}
