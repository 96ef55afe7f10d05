package io.github.wandbjdbc.calcite;

import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

/**
 * SQL three-valued logic over the RexNodes the property test generates, in plain Java (null =
 * UNKNOWN). Row values: String, Double (DOUBLE and BIGINT alike, the test's numbers are small),
 * Long epoch millis (TIMESTAMP), Boolean; LIKE is Calcite's own runtime function.
 */
public final class SqlTruth {
  private static final SqlFunctions.LikeFunction LIKE = new SqlFunctions.LikeFunction();

  private final Object[] row;
  private final Object[] parameters;

  public SqlTruth(Object[] row, Object[] parameters) {
    this.row = row;
    this.parameters = parameters;
  }

  public Boolean truth(RexNode node) {
    switch (node.getKind()) {
      case AND:
        {
          Boolean result = true;
          for (RexNode operand : operands(node)) {
            Boolean t = truth(operand);
            if (Boolean.FALSE.equals(t)) {
              return false;
            }
            result = t == null ? null : result;
          }
          return result;
        }
      case OR:
        {
          Boolean result = false;
          for (RexNode operand : operands(node)) {
            Boolean t = truth(operand);
            if (Boolean.TRUE.equals(t)) {
              return true;
            }
            result = t == null ? null : result;
          }
          return result;
        }
      case NOT:
        {
          Boolean t = truth(operands(node).get(0));
          return t == null ? null : !t;
        }
      case IS_NULL:
        return value(operands(node).get(0)) == null;
      case IS_NOT_NULL:
        return value(operands(node).get(0)) != null;
      case IS_TRUE:
        return Boolean.TRUE.equals(truth(operands(node).get(0)));
      case IS_FALSE:
        return Boolean.FALSE.equals(truth(operands(node).get(0)));
      case IS_NOT_TRUE:
        return !Boolean.TRUE.equals(truth(operands(node).get(0)));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(
            node.getKind(), value(operands(node).get(0)), value(operands(node).get(1)));
      case LIKE:
        {
          List<RexNode> args = operands(node);
          String value = (String) value(args.get(0));
          String pattern = (String) value(args.get(1));
          if (value == null || pattern == null) {
            return null;
          }
          return args.size() == 2
              ? LIKE.like(value, pattern)
              : LIKE.like(value, pattern, (String) value(args.get(2)));
        }
      case SEARCH:
        return search(
            value(operands(node).get(0)),
            (Sarg<?>) ((RexLiteral) operands(node).get(1)).getValue());
      default:
        return (Boolean) value(node);
    }
  }

  private Object value(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return row[ref.getIndex()];
    }
    if (node instanceof RexDynamicParam param) {
      Object value = parameters[param.getIndex()];
      return param.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP
              || !(value instanceof Number number)
          ? value
          : (Object) number.doubleValue();
    }
    if (node instanceof RexLiteral literal) {
      return literal.getTypeName() == SqlTypeName.TIMESTAMP
          ? literal.getValueAs(TimestampString.class).getMillisSinceEpoch()
          : normalize(literal.getValue());
    }
    switch (node.getKind()) {
      case CAST:
        return value(operands(node).get(0));
      case OTHER_FUNCTION:
        {
          String text = (String) value(operands(node).get(0));
          return text == null
              ? null
              : text.toUpperCase(Locale.ROOT); // UPPER, the only function generated
        }
      default:
        return truth(node);
    }
  }

  private static Object normalize(Object value) {
    if (value instanceof NlsString nls) {
      return nls.getValue();
    }
    if (value instanceof TimestampString ts) {
      return ts.getMillisSinceEpoch();
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Integer) {
      return ((Number) value).doubleValue();
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static Boolean comparison(SqlKind kind, Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    int c = compare(a, b);
    switch (kind) {
      case EQUALS:
        return c == 0;
      case NOT_EQUALS:
        return c != 0;
      case LESS_THAN:
        return c < 0;
      case LESS_THAN_OR_EQUAL:
        return c <= 0;
      case GREATER_THAN:
        return c > 0;
      default:
        return c >= 0;
    }
  }

  private static Boolean search(Object value, Sarg<?> sarg) {
    if (value == null) {
      switch (sarg.nullAs) {
        case TRUE:
          return true;
        case FALSE:
          return false;
        default:
          return null;
      }
    }
    for (Range<?> range : sarg.rangeSet.asRanges()) {
      boolean aboveLower =
          !range.hasLowerBound()
              || switch (range.lowerBoundType()) {
                case CLOSED -> compare(value, normalize(range.lowerEndpoint())) >= 0;
                case OPEN -> compare(value, normalize(range.lowerEndpoint())) > 0;
              };
      boolean belowUpper =
          !range.hasUpperBound()
              || switch (range.upperBoundType()) {
                case CLOSED -> compare(value, normalize(range.upperEndpoint())) <= 0;
                case OPEN -> compare(value, normalize(range.upperEndpoint())) < 0;
              };
      if (aboveLower && belowUpper) {
        return true;
      }
    }
    return false;
  }

  private static List<RexNode> operands(RexNode node) {
    return ((RexCall) node).getOperands();
  }
}
