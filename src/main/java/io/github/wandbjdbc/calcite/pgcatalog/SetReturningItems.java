package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.util.Litmus;

/**
 * PostgreSQL's set-returning functions in a select list, as joins Calcite reads.
 *
 * <ul>
 *   <li>One array, {@code SELECT unnest(a) AS x, generate_subscripts(a, 1) AS i FROM t}: {@code
 *       SELECT srf.v AS x, srf.i AS i FROM t, UNNEST(a) WITH ORDINALITY AS srf(v, i)}.
 *   <li>Two arrays, {@code SELECT n, unnest(a) AS x, unnest(b) AS y FROM t}, walked in step with
 *       the shorter padded with NULLs as in PostgreSQL: the arrays are first computed per row
 *       ({@code SELECT n, a AS a0, b AS a1 FROM t}), then paired by {@code pg_zip}, whose pairs are
 *       text. Calcite's own UNNEST of several arrays is a cross product.
 * </ul>
 *
 * pgJDBC's {@code information_schema._pg_expandarray(a)}, a record {@code (x, n)} of element and
 * subscript, reads the one array likewise. {@link PgSyntax} renames a select list's {@code unnest(}
 * to {@value #UNNEST_ITEM}, since UNNEST is a keyword there. More arrays, or subscripts beside two
 * arrays, are refused.
 */
final class SetReturningItems {
  static final String UNNEST_ITEM = "pg_srf_unnest";

  /** pgJDBC's {@code information_schema._pg_expandarray(a)}: each element with its subscript. */
  private static final String EXPAND_ARRAY = "_pg_expandarray";

  private static final String ALIAS = "srf$";
  private static final String ROWS = "srf$rows";

  private SetReturningItems() {}

  static SqlSelect rewrite(SqlSelect select) throws SqlParseException {
    List<SqlNode> arrays = new ArrayList<>();
    boolean subscripts = false;
    for (SqlNode item : select.getSelectList()) {
      SqlNode expression = unaliased(item);
      SqlNode argument = arrayOf(expression);
      if (argument != null && indexOf(arrays, argument) < 0) {
        arrays.add(argument);
      }
      subscripts |= argument != null && !PgTreeRewrite.isCall(expression, UNNEST_ITEM);
    }
    if (arrays.isEmpty()) {
      return select;
    } else if (arrays.size() == 1) {
      return oneArray(select, arrays.get(0));
    } else if (arrays.size() == 2 && !subscripts) {
      return twoArrays(select, arrays);
    }
    throw new SqlParseException(
        "Set-returning functions over "
            + arrays.size()
            + " arrays in one select list"
            + (subscripts ? " with generate_subscripts" : "")
            + " are not supported; unnest at most two arrays, or one with its subscripts",
        select.getParserPosition(),
        null,
        null,
        null);
  }

  private static SqlSelect oneArray(SqlSelect select, SqlNode array) {
    SqlParserPos pos = select.getParserPosition();
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      SqlNode expression = unaliased(item);
      if (arrayOf(expression) == null) {
        items.add(item);
      } else {
        items.add(as(oneArrayItem(expression, pos), name(item), pos));
      }
    }
    SqlNode unnest =
        unnestAs(SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, array), pos, "v", "i");
    SqlNode from = select.getFrom() == null ? unnest : commaJoin(select.getFrom(), unnest, pos);
    select.setSelectList(new SqlNodeList(items, pos));
    select.setFrom(from);
    return select;
  }

  /**
   * What an item over the one array reads: its element, its subscript, or for {@code
   * _pg_expandarray} (pgJDBC's) the record of both, {@code (x, n)}, or one of its fields.
   */
  private static SqlNode oneArrayItem(SqlNode expression, SqlParserPos pos) {
    SqlIdentifier element = new SqlIdentifier(List.of(ALIAS, "v"), pos);
    SqlIdentifier subscript = new SqlIdentifier(List.of(ALIAS, "i"), pos);
    if (PgTreeRewrite.isCall(expression, UNNEST_ITEM)) {
      return element;
    } else if (PgTreeRewrite.isCall(expression, EXPAND_ARRAY)) {
      return function("pg_expanded", pos).createCall(pos, element, subscript);
    } else if (expression.getKind() == SqlKind.DOT) {
      String field = ((SqlIdentifier) ((SqlCall) expression).operand(1)).getSimple();
      return field.equalsIgnoreCase("x") ? element : subscript;
    }
    return subscript;
  }

  private static SqlUnresolvedFunction function(String name, SqlParserPos pos) {
    return new SqlUnresolvedFunction(
        new SqlIdentifier(name, pos),
        null,
        null,
        (SqlOperandTypeChecker) null,
        null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
  }

  private static SqlSelect twoArrays(SqlSelect select, List<SqlNode> arrays) {
    SqlParserPos pos = select.getParserPosition();
    List<SqlNode> inner = new ArrayList<>();
    List<SqlNode> outer = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      SqlNode array = arrayOf(unaliased(item));
      String name = name(item);
      if (array == null) {
        inner.add(item);
        outer.add(as(new SqlIdentifier(List.of(ROWS, name), pos), name, pos));
      } else {
        String column = "v" + indexOf(arrays, array);
        outer.add(as(new SqlIdentifier(List.of(ALIAS, column), pos), name, pos));
      }
    }
    for (int a = 0; a < arrays.size(); a++) {
      inner.add(as(arrays.get(a), "srf$a" + a, pos));
    }
    select.setSelectList(new SqlNodeList(inner, pos));
    SqlNode rows = as(select, ROWS, pos);
    SqlCall zip =
        function("pg_zip", pos)
            .createCall(
                pos,
                new SqlIdentifier(List.of(ROWS, "srf$a0"), pos),
                new SqlIdentifier(List.of(ROWS, "srf$a1"), pos));
    SqlNode unnest =
        unnestAs(
            SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, zip), pos, "v0", "v1", "i");
    return new SqlSelect(
        pos,
        null,
        new SqlNodeList(outer, pos),
        commaJoin(rows, unnest, pos),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static SqlNode unnestAs(SqlNode unnest, SqlParserPos pos, String... columns) {
    List<SqlNode> operands = new ArrayList<>(List.of(unnest, new SqlIdentifier(ALIAS, pos)));
    for (String column : columns) {
      operands.add(new SqlIdentifier(column, pos));
    }
    return SqlStdOperatorTable.AS.createCall(pos, operands);
  }

  private static SqlNode commaJoin(SqlNode left, SqlNode right, SqlParserPos pos) {
    return new SqlJoin(
        pos,
        left,
        SqlLiteral.createBoolean(false, pos),
        JoinType.COMMA.symbol(pos),
        right,
        JoinConditionType.NONE.symbol(pos),
        null);
  }

  private static SqlNode as(SqlNode expression, String name, SqlParserPos pos) {
    return SqlStdOperatorTable.AS.createCall(pos, expression, new SqlIdentifier(name, pos));
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
    if (PgTreeRewrite.isCall(expression, UNNEST_ITEM)
        || PgTreeRewrite.isCall(expression, EXPAND_ARRAY)) {
      return ((SqlCall) expression).operand(0);
    }
    if (expression.getKind() == SqlKind.DOT
        && PgTreeRewrite.isCall(((SqlCall) expression).operand(0), EXPAND_ARRAY)
        && ((SqlCall) expression).operand(1) instanceof SqlIdentifier field
        && field.getSimple().matches("(?i)[xn]")) {
      return ((SqlCall) ((SqlCall) expression).operand(0)).operand(0);
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

  /** The item's column name: its alias, else PostgreSQL's name for it. */
  private static String name(SqlNode item) {
    if (item.getKind() == SqlKind.AS) {
      return ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
    }
    return PgColumnNames.nameOf(item);
  }
}
