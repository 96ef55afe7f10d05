package io.github.wandbjdbc.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;

/** Calcite's top-N sort (ORDER BY with OFFSET or FETCH), comparing in {@link ColumnValueOrder}. */
final class ColumnOrderLimitSort extends EnumerableLimitSort {
  ColumnOrderLimitSort(EnumerableLimitSort sort) {
    this(sort.getTraitSet(), sort.getInput(), sort.getCollation(), sort.offset, sort.fetch);
  }

  private ColumnOrderLimitSort(
      RelTraitSet traitSet, RelNode input, RelCollation collation, RexNode offset, RexNode fetch) {
    super(input.getCluster(), traitSet, input, collation, offset, fetch);
  }

  @Override
  public EnumerableLimitSort copy(
      RelTraitSet traitSet,
      RelNode newInput,
      RelCollation newCollation,
      RexNode offset,
      RexNode fetch) {
    return new ColumnOrderLimitSort(traitSet, newInput, newCollation, offset, fetch);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return ColumnOrderSortCode.implement(this, implementor, pref);
  }
}
