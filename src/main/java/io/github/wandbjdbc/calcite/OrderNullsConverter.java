package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.calcite.runs.MetricNulls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelFieldCollation.Direction;
import org.apache.calcite.rel.RelFieldCollation.NullDirection;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Calcite's conversion of SQL into relational operators, with the NULLs of a bare DESC placed by
 * the column it sorts ({@link MetricNulls}). Calcite settles a DESC without NULLS FIRST or LAST to
 * NULLS FIRST while it reads the ORDER BY, before the sorted columns are known; so such keys leave
 * their null direction unspecified here and are settled once the sort's input is built.
 */
public final class OrderNullsConverter extends SqlToRelConverter {
  public OrderNullsConverter(
      RelOptTable.ViewExpander viewExpander,
      SqlValidator validator,
      Prepare.CatalogReader catalogReader,
      RelOptCluster cluster,
      SqlRexConvertletTable convertletTable,
      Config config) {
    super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
  }

  @Override
  protected RelFieldCollation convertOrderItem(
      SqlSelect select,
      SqlNode orderItem,
      List<SqlNode> extraExprs,
      Direction direction,
      NullDirection nullDirection) {
    RelFieldCollation key =
        super.convertOrderItem(select, orderItem, extraExprs, direction, nullDirection);
    boolean bareDesc =
        direction == Direction.DESCENDING
            && nullDirection == NullDirection.UNSPECIFIED
            && !orderItem.isA(Set.of(SqlKind.NULLS_FIRST, SqlKind.NULLS_LAST));
    return bareDesc ? key.withNullDirection(NullDirection.UNSPECIFIED) : key;
  }

  @Override
  protected void convertOrder(
      SqlSelect select,
      Blackboard bb,
      RelCollation collation,
      List<SqlNode> orderExprList,
      SqlNode offset,
      SqlNode fetch) {
    List<RelFieldCollation> given = collation.getFieldCollations();
    if (given.isEmpty()) {
      super.convertOrder(select, bb, collation, orderExprList, offset, fetch);
      return;
    }
    RelNode input = bb.root();
    NullDirection standard =
        validator.config().defaultNullCollation().last(true)
            ? NullDirection.LAST
            : NullDirection.FIRST;
    List<RelFieldCollation> keys = new ArrayList<>();
    for (RelFieldCollation key : given) {
      keys.add(
          key.nullDirection != NullDirection.UNSPECIFIED
              ? key
              : key.withNullDirection(
                  MetricNulls.lastWhenDescending(input, key.getFieldIndex())
                      ? NullDirection.LAST
                      : standard));
    }
    if (isTopN(offset, fetch) && keys.get(0).nullDirection == NullDirection.FIRST) {
      boolean bareDesc = given.get(0).nullDirection == NullDirection.UNSPECIFIED;
      RelNode hinted = MetricNulls.hinted(input, keys.get(0), bareDesc);
      if (hinted != input) {
        bb.setRoot(hinted, false);
      }
    }
    super.convertOrder(select, bb, RelCollations.of(keys), orderExprList, offset, fetch);
  }

  /** A LIMIT the planner can push with its sort: literal, as its OFFSET if any. */
  private static boolean isTopN(SqlNode offset, SqlNode fetch) {
    return fetch instanceof SqlLiteral && (offset == null || offset instanceof SqlLiteral);
  }
}
