package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Names a query's unnamed result columns as PostgreSQL does, where Calcite would say {@code
 * EXPR$n}: a function call by the function's name, a cast by its operand's name (else the type's),
 * a CASE by its ELSE's name (else {@code case}), a scalar subquery by its column's, anything else
 * (a literal, an operator) as {@code ?column?}.
 */
final class PgColumnNames {
  private static final String NO_NAME = "?column?";

  private PgColumnNames() {}

  static SqlNode name(SqlNode statement) {
    SqlSelect select = firstSelect(statement);
    if (select != null) {
      SqlNodeList items = select.getSelectList();
      // Calcite finds a UNION's or an ORDER BY's columns by name: there a second ?column? would be
      // ambiguous, and keeps Calcite's own name
      boolean unique =
          statement != select || select.getOrderList() != null && select.getOrderList().size() > 0;
      boolean unnamed = false;
      for (int i = 0; i < items.size(); i++) {
        SqlNode item = items.get(i);
        if (!(item instanceof SqlIdentifier) && item.getKind() != SqlKind.AS) {
          String name = nameOf(item);
          if (name.equals(NO_NAME) && unnamed && unique) {
            continue;
          }
          unnamed |= name.equals(NO_NAME);
          items.set(
              i,
              SqlStdOperatorTable.AS.createCall(
                  item.getParserPosition(),
                  item,
                  new SqlIdentifier(name, item.getParserPosition())));
        }
      }
    }
    return statement;
  }

  /** PostgreSQL's name for an unaliased select item. */
  static String nameOf(SqlNode item) {
    String name = figure(item);
    return name == null ? NO_NAME : name;
  }

  /** The SELECT whose list names the statement's columns: PostgreSQL takes a UNION's first. */
  private static SqlSelect firstSelect(SqlNode node) {
    if (node instanceof SqlSelect select) {
      return select;
    } else if (node instanceof SqlOrderBy orderBy) {
      return firstSelect(orderBy.query);
    } else if (node instanceof SqlCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
      return firstSelect(call.operand(0));
    }
    return null;
  }

  /** PostgreSQL's name for an expression, or null when it has none of its own. */
  private static String figure(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      return id.isStar() ? null : id.names.get(id.names.size() - 1);
    }
    if (!(node instanceof SqlCall call)) {
      return null;
    }
    List<SqlNode> operands = call.getOperandList();
    return switch (call.getKind()) {
      case CAST -> {
        String inner = figure(operands.get(0));
        yield inner != null ? inner : typeName(operands.get(1));
      }
      // a CASE is named by its ELSE when that has a name of its own, as in PostgreSQL
      case CASE -> {
        SqlNode otherwise = ((SqlCase) call).getElseOperand();
        String inner = isNamed(otherwise) ? figure(otherwise) : null;
        yield inner != null ? inner : "case";
      }
      case SELECT -> {
        SqlNode first = ((SqlSelect) call).getSelectList().get(0);
        yield first.getKind() == SqlKind.AS
            ? ((SqlIdentifier) ((SqlCall) first).operand(1)).getSimple()
            : figure(first);
      }
      case COALESCE -> "coalesce";
      case NULLIF -> "nullif";
      case ITEM -> figure(operands.get(0));
      case DOT -> figure(operands.get(1));
      case ARRAY_VALUE_CONSTRUCTOR, ARRAY_QUERY_CONSTRUCTOR -> "array";
      case EXISTS -> "exists";
      default ->
          call.getOperator() instanceof SqlFunction
                  && !(call instanceof SqlBasicCall basic
                      && basic.getFunctionQuantifier() == null
                      && call.getOperator().getName().isEmpty())
              ? functionName(call)
              : null;
    };
  }

  /** Whether PostgreSQL names the expression itself, not after its type: a column or a call. */
  private static boolean isNamed(SqlNode node) {
    if (node instanceof SqlCall call && call.getKind() == SqlKind.CAST) {
      return isNamed(call.operand(0));
    }
    return node instanceof SqlIdentifier || node instanceof SqlCall && figure(node) != null;
  }

  private static String functionName(SqlCall call) {
    // calls PgSyntax wrote for PostgreSQL's own spellings take that spelling's name
    String written = call.getOperator().getName().toLowerCase(Locale.ROOT);
    switch (written) {
      case SetReturningItems.UNNEST_ITEM:
        return "unnest";
      case "pg_current_schema":
        return "current_schema";
      case "pg_text_array":
        return "text";
      case "pg_vector_text":
        return figure(call.operand(0));
      default:
        break;
    }
    String name = call.getOperator().getName();
    if (call.getOperator() instanceof SqlFunction function && function.getSqlIdentifier() != null) {
      List<String> names = function.getSqlIdentifier().names;
      name = names.get(names.size() - 1);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static String typeName(SqlNode type) {
    if (type instanceof SqlDataTypeSpec spec) {
      return spec.getTypeName().getSimple().toLowerCase(Locale.ROOT);
    }
    return null;
  }
}
