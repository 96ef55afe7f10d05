package io.github.wandbjdbc.calcite;

import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlMinMaxAggFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * MIN and MAX of floating-point values in {@link ColumnValueOrder}: MAX is NaN when a value is NaN,
 * and MIN of only +Infinity is +Infinity, as in PostgreSQL. Calcite's own start from
 * ±Double.MAX_VALUE and compare with {@code >}, so a NaN is lost or kept by where it stands, and
 * MIN of only +Infinity is MAX_VALUE. Same names and kinds as Calcite's, so plans read the same.
 */
public final class ColumnOrderMinMax {
  private static final SqlAggFunction MIN = function(SqlKind.MIN, Min.class);
  private static final SqlAggFunction MAX = function(SqlKind.MAX, Max.class);

  private ColumnOrderMinMax() {}

  /** {@code call} computed by these functions, or {@code call} itself when it is not MIN or MAX. */
  static AggregateCall replace(AggregateCall call, RelDataType inputRowType) {
    if (!(call.getAggregation() instanceof SqlMinMaxAggFunction function)
        || !SqlTypeName.APPROX_TYPES.contains(argumentType(call, inputRowType))) {
      return call;
    }
    return AggregateCall.create(
        call.getParserPosition(),
        function.getKind() == SqlKind.MIN ? MIN : MAX,
        call.isDistinct(),
        call.isApproximate(),
        call.ignoreNulls(),
        call.rexList,
        call.getArgList(),
        call.filterArg,
        call.distinctKeys,
        call.collation,
        call.type,
        call.name);
  }

  private static SqlTypeName argumentType(AggregateCall call, RelDataType inputRowType) {
    return inputRowType.getFieldList().get(call.getArgList().get(0)).getType().getSqlTypeName();
  }

  private static SqlAggFunction function(SqlKind kind, Class<?> accumulator) {
    return new SqlUserDefinedAggFunction(
        new SqlIdentifier(kind.sql, SqlParserPos.ZERO),
        kind,
        ReturnTypes.ARG0_NULLABLE_IF_EMPTY,
        null,
        null,
        AggregateFunctionImpl.create(accumulator),
        false,
        false,
        Optionality.FORBIDDEN);
  }

  /** MIN's steps, called by generated code; NaN is the highest value, so nothing is above it. */
  public static final class Min {
    private Min() {}

    public static double init() {
      return Double.NaN;
    }

    public static double add(double least, double value) {
      return ColumnValueOrder.compareDoubles(value, least) < 0 ? value : least;
    }

    public static double result(double least) {
      return least;
    }
  }

  /** MAX's steps, called by generated code; -Infinity is the lowest value. */
  public static final class Max {
    private Max() {}

    public static double init() {
      return Double.NEGATIVE_INFINITY;
    }

    public static double add(double greatest, double value) {
      return ColumnValueOrder.compareDoubles(value, greatest) > 0 ? value : greatest;
    }

    public static double result(double greatest) {
      return greatest;
    }
  }
}
