package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Mends, after parsing, what Babel reads differently from PostgreSQL:
 *
 * <ul>
 *   <li>{@code a = b::t1::t2} is parsed with the second cast around the comparison (and around a
 *       whole {@code AND} before it); PostgreSQL's {@code ::} binds tightest, so the cast moves
 *       onto the comparison's right side;
 *   <li>{@code x = ANY(array)} and {@code x <> ALL(array)} over an array (not a subquery) become
 *       calls of {@code pg_any_equal}, PostgreSQL's array membership with its NULL rules;
 *   <li>{@code json_build_object(k, v, ...)} becomes the standard {@code JSON_OBJECT};
 *   <li>set-returning items in a select list ({@link SetReturningItems}).
 * </ul>
 */
final class PgTreeRewrite extends SqlShuttle {
  private static final Set<SqlKind> COMPARISONS =
      Set.of(
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL);

  static SqlNode rewrite(SqlNode statement) throws SqlParseException {
    try {
      return statement.accept(new PgTreeRewrite());
    } catch (Refused e) {
      throw e.parseError;
    }
  }

  /** Carries a refusal out of the shuttle, whose methods cannot throw it. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SqlParseException parseError;

    Refused(SqlParseException parseError) {
      super(parseError.getMessage(), parseError, false, false);
      this.parseError = parseError;
    }
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlCall mended)) {
      return visited;
    }
    if (mended instanceof SqlSelect select) {
      try {
        return SetReturningItems.rewrite(select);
      } catch (SqlParseException e) {
        throw new Refused(e);
      }
    }
    if (mended.getKind() == SqlKind.CAST) {
      return castLast(mended.getOperator(), mended.operand(0), mended.operand(1));
    }
    if (isCall(mended, "json_build_object")) {
      List<SqlNode> operands = new ArrayList<>();
      operands.add(
          SqlLiteral.createSymbol(
              SqlJsonConstructorNullClause.NULL_ON_NULL, mended.getParserPosition()));
      operands.addAll(mended.getOperandList());
      return SqlStdOperatorTable.JSON_OBJECT.createCall(mended.getParserPosition(), operands);
    }
    if (isArrayQuantifier(mended)) {
      SqlNode array = ((SqlNodeList) mended.operand(1)).get(0);
      SqlCall member =
          new SqlUnresolvedFunction(
                  new SqlIdentifier("pg_any_equal", SqlParserPos.ZERO),
                  null,
                  null,
                  (SqlOperandTypeChecker) null,
                  null,
                  SqlFunctionCategory.USER_DEFINED_FUNCTION)
              .createCall(mended.getParserPosition(), mended.operand(0), array);
      return mended.getKind() == SqlKind.ALL
          ? SqlStdOperatorTable.NOT.createCall(mended.getParserPosition(), member)
          : member;
    }
    return mended;
  }

  /**
   * The cast of {@code operand}, put on its last operand when it is a comparison or a conjunction
   * (where Babel's grammar left a trailing {@code ::}), else on itself.
   */
  private static SqlNode castLast(SqlOperator cast, SqlNode operand, SqlNode type) {
    if (operand instanceof SqlCall inner
        && (COMPARISONS.contains(inner.getKind())
            || inner.getKind() == SqlKind.AND
            || inner.getKind() == SqlKind.OR)) {
      List<SqlNode> operands = new ArrayList<>(inner.getOperandList());
      int last = operands.size() - 1;
      operands.set(last, castLast(cast, operands.get(last), type));
      return inner.getOperator().createCall(inner.getParserPosition(), operands);
    }
    return cast.createCall(operand.getParserPosition(), operand, type);
  }

  /** A call of the function {@code name}, as parsed: not resolved yet. */
  static boolean isCall(SqlNode node, String name) {
    return node instanceof SqlCall call
        && call.getOperator() instanceof SqlUnresolvedFunction function
        && function.getName().equalsIgnoreCase(name);
  }

  /** {@code = SOME(one non-query expression)} or {@code <> ALL(...)}: PostgreSQL's array forms. */
  private static boolean isArrayQuantifier(SqlCall call) {
    String name = call.getOperator().getName();
    if (!(name.equals("= SOME") || name.equals("<> ALL"))
        || !(call.operand(1) instanceof SqlNodeList list)
        || list.size() != 1) {
      return false;
    }
    SqlNode only = list.get(0);
    return !(only instanceof SqlSelect)
        && !(only instanceof SqlCall c && c.getKind().belongsTo(SqlKind.QUERY));
  }
}
