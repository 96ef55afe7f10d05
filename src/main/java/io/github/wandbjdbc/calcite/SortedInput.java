package io.github.wandbjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * For rules that let a scan hand its rows over in a sort's order, through the filter that re-checks
 * what was pushed and a projection of plain columns: the order as the scan's fields, the filter and
 * projection re-made to declare the order they keep, and the rows a LIMIT takes.
 */
public final class SortedInput {
  private SortedInput() {}

  /**
   * The sort's keys as fields of the input below {@code project} (null: no projection); null when a
   * key is computed there.
   */
  public static RelCollation below(Sort sort, Project project) {
    List<RelFieldCollation> keys = new ArrayList<>();
    for (RelFieldCollation key : sort.getCollation().getFieldCollations()) {
      int field = key.getFieldIndex();
      if (project != null) {
        if (!(project.getProjects().get(field) instanceof RexInputRef ref)) {
          return null;
        }
        field = ref.getIndex();
      }
      keys.add(key.withFieldIndex(field));
    }
    return RelCollations.of(keys);
  }

  /**
   * {@code ordered} (rows in {@code order}, the sort's order below the projection) under copies of
   * {@code filter} and {@code project} (either may be null) that say they keep it, so the planner
   * sees that the sort above has nothing left to do.
   */
  public static RelNode keepingOrder(
      RelNode ordered, RelCollation order, Filter filter, Project project, Sort sort) {
    RelNode input = ordered;
    if (filter != null) {
      input = filter.copy(filter.getTraitSet().replace(order), input, filter.getCondition());
    }
    if (project != null) {
      input =
          project.copy(
              project.getTraitSet().replace(sort.getCollation()),
              input,
              project.getProjects(),
              project.getRowType());
    }
    return input;
  }

  /**
   * The rows a LIMIT takes, its OFFSET included; 0 without a LIMIT or with a {@code ?} one (a
   * {@code ?} OFFSET counts as 0).
   */
  public static long rowsTaken(Sort sort) {
    if (!(sort.fetch instanceof RexLiteral)) {
      return 0;
    }
    return value(sort.fetch) + (sort.offset == null ? 0 : value(sort.offset));
  }

  private static long value(RexNode literal) {
    Long value = literal instanceof RexLiteral l ? l.getValueAs(Long.class) : null;
    return value == null ? 0 : value;
  }
}
