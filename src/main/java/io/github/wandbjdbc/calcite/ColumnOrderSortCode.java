package io.github.wandbjdbc.calcite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.BuiltInMethod;

/**
 * The code of a sort in {@link ColumnValueOrder}: each row's keys are read into an array, and the
 * arrays compared by a comparator handed to the code as a stashed value (so sorts that differ only
 * in direction generate the same code). The sort itself is Calcite's: stable, and with OFFSET or
 * FETCH keeping only the rows they reach.
 */
final class ColumnOrderSortCode {
  private ColumnOrderSortCode() {}

  static <S extends Sort & EnumerableRel> EnumerableRel.Result implement(
      S sort, EnumerableRelImplementor implementor, EnumerableRel.Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    EnumerableRel.Result input =
        implementor.visitChild(sort, 0, (EnumerableRel) sort.getInput(), pref);
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), sort.getRowType(), input.format);
    Expression rows = builder.append("rows", input.block);
    List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
    Expression keySelector = builder.append("keys", keySelector(input.physType, keys));
    Expression comparator =
        builder.append("comparator", implementor.stash(keyOrder(keys), Comparator.class));
    Expression sorted =
        sort.offset == null && sort.fetch == null
            ? Expressions.call(rows, BuiltInMethod.ORDER_BY.method, keySelector, comparator)
            : Expressions.call(
                BuiltInMethod.ORDER_BY_WITH_FETCH_AND_OFFSET.method,
                rows,
                keySelector,
                comparator,
                rowCount(implementor, sort.offset, 0),
                rowCount(implementor, sort.fetch, Integer.MAX_VALUE));
    builder.add(Expressions.return_(null, sorted));
    return implementor.result(physType, builder.toBlock());
  }

  /** {@code row -> new Object[] {key1, key2, ...}}, primitives boxed. */
  @SuppressWarnings("unchecked") // Function1.class names a generic type raw
  private static Expression keySelector(PhysType rowType, List<RelFieldCollation> keys) {
    ParameterExpression row = Expressions.parameter(rowType.getJavaRowType(), "row");
    List<Expression> values = new ArrayList<>();
    keys.forEach(
        key -> values.add(Expressions.box(rowType.fieldReference(row, key.getFieldIndex()))));
    return Expressions.lambda(Function1.class, Expressions.newArrayInit(Object.class, values), row);
  }

  /** Key arrays compared key by key, each in its direction with its nulls where it says. */
  private static Comparator<Object[]> keyOrder(List<RelFieldCollation> keys) {
    Comparator<Object[]> order = (a, b) -> 0;
    for (int i = 0; i < keys.size(); i++) {
      int position = i;
      RelFieldCollation key = keys.get(i);
      Comparator<Object> values =
          ColumnValueOrder.comparator(
              key.getDirection().isDescending(),
              key.nullDirection == RelFieldCollation.NullDirection.FIRST);
      order = order.thenComparing(k -> k[position], values);
    }
    return order;
  }

  /**
   * OFFSET or FETCH as an int: a literal, or a {@code ?} bound at execution; else {@code absent}.
   */
  private static Expression rowCount(
      EnumerableRelImplementor implementor, RexNode count, int absent) {
    if (count == null) {
      return Expressions.constant(absent);
    }
    if (count instanceof RexDynamicParam parameter) {
      Expression bound =
          Expressions.call(
              implementor.getRootExpression(),
              BuiltInMethod.DATA_CONTEXT_GET.method,
              Expressions.constant("?" + parameter.getIndex()));
      return Expressions.call(Expressions.convert_(bound, Number.class), "intValue");
    }
    return Expressions.constant(RexLiteral.intValue(count));
  }
}
