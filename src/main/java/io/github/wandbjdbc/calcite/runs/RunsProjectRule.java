package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.RewriteRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Narrows the W&B request to the columns a SELECT uses. A projection of plain columns becomes a
 * {@link RunsProject}; one with expressions keeps its expressions in Calcite over a {@link
 * RunsProject} of the columns they read.
 */
final class RunsProjectRule {
  static final RelOptRule RULE =
      RewriteRule.matching(
          "RunsProjectRule",
          LogicalProject.class,
          project -> project.getVariablesSet().isEmpty(),
          RunsProjectRule::narrowed);

  private RunsProjectRule() {}

  private static RelNode narrowed(LogicalProject project) {
    RelNode input = project.getInput();
    if (!(PlanLineage.scan(input) instanceof RunsTableScan)
        || RunsRules.below(input, RunsMetricOrder.class)) {
      return null; // not a runs query, or above an order that the projection would hide
    }
    RelNode wandbInput = RunsRules.inWandbConvention(input);
    List<RexNode> exprs = project.getProjects();
    if (exprs.stream().allMatch(e -> e instanceof RexInputRef)) {
      List<Integer> fields = exprs.stream().map(e -> ((RexInputRef) e).getIndex()).toList();
      return new RunsProject(
          project.getCluster(), wandbInput.getTraitSet(), wandbInput, fields, project.getRowType());
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(exprs, null);
    int inputWidth = input.getRowType().getFieldCount();
    if (used.cardinality() == inputWidth) {
      return null; // nothing to narrow; firing again would loop
    }
    List<Integer> fields = used.asList();
    RelNode narrowed =
        new RunsProject(
            project.getCluster(),
            wandbInput.getTraitSet(),
            wandbInput,
            fields,
            narrowedType(project, input.getRowType(), fields));
    int[] newIndex = new int[inputWidth];
    for (int i = 0; i < fields.size(); i++) {
      newIndex[fields.get(i)] = i;
    }
    List<RexNode> remapped = new ArrayList<>(exprs.size());
    for (RexNode expr : exprs) {
      remapped.add(
          expr.accept(
              new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                  return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
                }
              }));
    }
    return project.copy(project.getTraitSet(), narrowed, remapped, project.getRowType());
  }

  private static RelDataType narrowedType(
      LogicalProject project, RelDataType inputType, List<Integer> fields) {
    var builder = project.getCluster().getTypeFactory().builder();
    List<RelDataTypeField> inputFields = inputType.getFieldList();
    for (int index : fields) {
      builder.add(inputFields.get(index));
    }
    return builder.build();
  }
}
