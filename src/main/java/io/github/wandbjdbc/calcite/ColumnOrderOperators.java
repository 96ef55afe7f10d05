package io.github.wandbjdbc.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;

/**
 * Puts {@link ColumnValueOrder} into a finished plan, just before its code is generated: Calcite's
 * sorts become {@link ColumnOrderSort} and {@link ColumnOrderLimitSort}, and MIN and MAX of
 * floating-point values {@link ColumnOrderMinMax}. Planning is left alone (its rules, costs and
 * EXPLAIN stay Calcite's), and every sort is caught, whichever rule made it.
 */
public final class ColumnOrderOperators {
  private ColumnOrderOperators() {}

  public static RelNode substitute(RelNode plan) {
    return plan.accept(
        new RelHomogeneousShuttle() {
          @Override
          public RelNode visit(RelNode other) {
            return substituteNode(super.visit(other));
          }
        });
  }

  private static RelNode substituteNode(RelNode node) {
    if (node instanceof EnumerableSort sort) {
      return new ColumnOrderSort(sort);
    }
    if (node instanceof EnumerableLimitSort sort) {
      return new ColumnOrderLimitSort(sort);
    }
    if (node instanceof Aggregate aggregate) {
      List<AggregateCall> calls =
          aggregate.getAggCallList().stream()
              .map(call -> ColumnOrderMinMax.replace(call, aggregate.getInput().getRowType()))
              .toList();
      if (!calls.equals(aggregate.getAggCallList())) {
        return aggregate.copy(
            aggregate.getTraitSet(),
            aggregate.getInput(),
            aggregate.getGroupSet(),
            aggregate.getGroupSets(),
            calls);
      }
    }
    return node;
  }
}
