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
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;

/**
 * PostgreSQL's set-returning functions in a select list, {@code SELECT unnest(a) AS x,
 * generate_subscripts(a, 1) AS i FROM t}, as the join Calcite reads: {@code SELECT srf.v AS x,
 * srf.i AS i FROM t, UNNEST(a) WITH ORDINALITY AS srf(v, i)}. Both items walk the one array in
 * step, as in PostgreSQL; items over different arrays are refused. {@link PgSyntax} renames such an
 * {@code unnest(} to {@value #UNNEST_ITEM}, since UNNEST is a keyword there.
 */
final class SetReturningItems {
  static final String UNNEST_ITEM = "pg_srf_unnest";
  private static final String ALIAS = "srf$";

  private SetReturningItems() {}

  static SqlSelect rewrite(SqlSelect select) throws SqlParseException {
    SqlNodeList items = select.getSelectList();
    SqlNode array = null;
    for (SqlNode item : items) {
      SqlNode argument = arrayOf(unaliased(item));
      if (argument != null) {
        if (array != null && !array.equalsDeep(argument, Litmus.IGNORE)) {
          // Calcite's UNNEST of several arrays is not PostgreSQL's walk in step (padded with NULLs)
          throw new SqlParseException(
              "Set-returning functions over different arrays in one select list ("
                  + array
                  + ", "
                  + argument
                  + ") are not supported; unnest one array per select list",
              argument.getParserPosition(),
              null,
              null,
              null);
        }
        array = argument;
      }
    }
    if (array == null) {
      return select;
    }
    SqlParserPos pos = select.getParserPosition();
    List<SqlNode> rewritten = new ArrayList<>();
    for (SqlNode item : items) {
      SqlNode expression = unaliased(item);
      if (arrayOf(expression) == null) {
        rewritten.add(item);
      } else {
        String column = PgTreeRewrite.isCall(expression, UNNEST_ITEM) ? "v" : "i";
        String name = item == expression ? defaultName(expression) : alias(item);
        rewritten.add(
            SqlStdOperatorTable.AS.createCall(
                pos, new SqlIdentifier(List.of(ALIAS, column), pos), new SqlIdentifier(name, pos)));
      }
    }
    SqlNode unnest =
        SqlStdOperatorTable.AS.createCall(
            pos,
            SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, array),
            new SqlIdentifier(ALIAS, pos),
            new SqlIdentifier("v", pos),
            new SqlIdentifier("i", pos));
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
