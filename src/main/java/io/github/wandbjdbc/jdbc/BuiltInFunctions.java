package io.github.wandbjdbc.jdbc;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The functions a query can call by name: those of Calcite's standard operator table, the only one
 * this driver's connections use. Internal operators ({@code $...}) and table functions (which need
 * a TABLE clause) are left out.
 */
final class BuiltInFunctions {
  /** Function name → whether it aggregates, in name order. */
  private static final Map<String, Boolean> ALL = collect();

  private BuiltInFunctions() {}

  /**
   * {@code getFunctions} rows, in name order, of the functions whose name matches {@code
   * namePattern} (a LIKE pattern; null matches all). Built in, so of no catalog or schema.
   */
  static List<Object[]> rows(String namePattern) {
    Predicate1<String> matches =
        namePattern == null ? name -> true : LikePattern.matcher(namePattern);
    List<Object[]> rows = new ArrayList<>();
    ALL.forEach(
        (name, aggregate) -> {
          if (matches.apply(name)) {
            rows.add(
                new Object[] {
                  null,
                  null,
                  name,
                  aggregate ? "aggregate function" : "scalar function",
                  (short) DatabaseMetaData.functionNoTable,
                  name
                });
          }
        });
    return rows;
  }

  private static Map<String, Boolean> collect() {
    Map<String, Boolean> functions = new TreeMap<>();
    for (SqlOperator op : SqlStdOperatorTable.instance().getOperatorList()) {
      if (op instanceof SqlFunction
          && !(op instanceof SqlTableFunction)
          && isCalledByName(op.getSyntax())
          && op.getName().matches("[A-Z][A-Z0-9_]*")) {
        functions.merge(op.getName(), op.isAggregator(), Boolean::logicalOr);
      }
    }
    return Collections.unmodifiableMap(functions);
  }

  private static boolean isCalledByName(SqlSyntax syntax) {
    return syntax == SqlSyntax.FUNCTION
        || syntax == SqlSyntax.FUNCTION_ID
        || syntax == SqlSyntax.FUNCTION_STAR;
  }
}
