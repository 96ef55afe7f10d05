package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;

/**
 * PostgreSQL's set-returning functions in a select list, {@code SELECT unnest(a) AS x,
 * generate_subscripts(a, 1) AS i FROM t}, as the join Calcite reads: {@code SELECT srf.v0 AS x,
 * srf.i AS i FROM t, UNNEST(a) WITH ORDINALITY AS srf(v0, i)}. Items over several arrays walk them
 * in step, the shorter padded with NULLs, as PostgreSQL does. {@link PgSyntax} renames such an
 * {@code unnest(} to {@value #UNNEST_ITEM}, since UNNEST is a keyword there.
 */
final class SetReturningItems {
  static final String UNNEST_ITEM = "pg_srf_unnest";
  private static final String ALIAS = "srf$";

  private SetReturningItems() {}

  static SqlSelect rewrite(SqlSelect select) {
    SqlNodeList items = select.getSelectList();
    List<SqlNode> arrays = new ArrayList<>();
    for (SqlNode item : items) {
      SqlNode argument = arrayOf(unaliased(item));
      if (argument != null && indexOf(arrays, argument) < 0) {
        arrays.add(argument);
      }
    }
    if (arrays.isEmpty()) {
      return select;
    }
    SqlParserPos pos = select.getParserPosition();
    List<SqlNode> rewritten = new ArrayList<>();
    for (SqlNode item : items) {
      SqlNode expression = unaliased(item);
      SqlNode array = arrayOf(expression);
      if (array == null) {
        rewritten.add(item);
      } else {
        String column =
            PgTreeRewrite.isCall(expression, UNNEST_ITEM) ? "v" + indexOf(arrays, array) : "i";
        String name = item == expression ? defaultName(expression) : alias(item);
        rewritten.add(
            SqlStdOperatorTable.AS.createCall(
                pos, new SqlIdentifier(List.of(ALIAS, column), pos), new SqlIdentifier(name, pos)));
      }
    }
    List<SqlNode> names = new ArrayList<>();
    names.add(SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, arrays));
    names.add(new SqlIdentifier(ALIAS, pos));
    for (int a = 0; a < arrays.size(); a++) {
      names.add(new SqlIdentifier("v" + a, pos));
    }
    names.add(new SqlIdentifier("i", pos));
    SqlNode unnest = SqlStdOperatorTable.AS.createCall(pos, names);
    SqlNode from =
        select.getFrom() == null
            ? unnest
            : new SqlJoin(
                pos,
                select.getFrom(),
                SqlLiteral.createBoolean(false, pos),
                JoinType.COMMA.symbol(pos),
                unnest,
                JoinConditionType.NONE.symbol(pos),
                null);
    select.setSelectList(new SqlNodeList(rewritten, items.getParserPosition()));
    select.setFrom(from);
    return select;
  }

  private static int indexOf(List<SqlNode> arrays, SqlNode array) {
    for (int a = 0; a < arrays.size(); a++) {
      if (arrays.get(a).equalsDeep(array, Litmus.IGNORE)) {
        return a;
      }
    }
    return -1;
  }

  /** The array an unnest or generate_subscripts(array, 1) item walks, or null for another item. */
  private static SqlNode arrayOf(SqlNode expression) {
    if (PgTreeRewrite.isCall(expression, UNNEST_ITEM)) {
      return ((SqlCall) expression).operand(0);
    }
    if (PgTreeRewrite.isCall(expression, "generate_subscripts")
        && ((SqlCall) expression).operandCount() == 2
        && ((SqlCall) expression).operand(1) instanceof SqlLiteral dimension
        && "1".equals(dimension.toValue())) {
      return ((SqlCall) expression).operand(0);
    }
    return null;
  }

  private static SqlNode unaliased(SqlNode item) {
    return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
  }

  private static String alias(SqlNode item) {
    return ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
  }

  private static String defaultName(SqlNode expression) {
    return PgTreeRewrite.isCall(expression, UNNEST_ITEM) ? "unnest" : "generate_subscripts";
  }
}
