package io.github.wandbjdbc.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;

/** Calcite's full sort, comparing in {@link ColumnValueOrder}. */
final class ColumnOrderSort extends EnumerableSort {
  ColumnOrderSort(EnumerableSort sort) {
    this(sort.getTraitSet(), sort.getInput(), sort.getCollation());
  }

  private ColumnOrderSort(RelTraitSet traitSet, RelNode input, RelCollation collation) {
    super(input.getCluster(), traitSet, input, collation, null, null);
  }

  @Override
  public EnumerableSort copy(
      RelTraitSet traitSet,
      RelNode newInput,
      RelCollation newCollation,
      RexNode offset,
      RexNode fetch) {
    return new ColumnOrderSort(traitSet, newInput, newCollation);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return ColumnOrderSortCode.implement(this, implementor, pref);
  }
}
