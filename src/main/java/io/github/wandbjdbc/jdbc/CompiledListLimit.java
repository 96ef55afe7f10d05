package io.github.wandbjdbc.jdbc;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

/**
 * Refuses, before code generation, a value list that Calcite would have to compile: an IN list (or
 * OR) that W&B's filter does not settle exactly stays in a Calcite filter, which Calcite expands
 * into one comparison per value in one Java method. Beyond several hundred values that method
 * exceeds the JVM's 64 KB limit, after the compiler has worked for minutes. Lists W&B applies
 * exactly (on {@code run_id}, {@code state}, ...) are not compiled and have no limit.
 */
final class CompiledListLimit {
  /** The most values one compiled comparison list may hold. */
  static final int MAX_VALUES = 500;

  /** The message when Janino reports the limit itself (a long list not caught here). */
  static final String TOO_LARGE = message("a long list of values");

  private CompiledListLimit() {}

  static String message(String list) {
    return "The query is too large to compile: "
        + list
        + " must be compared locally, as W&B cannot apply it exactly on this column or"
        + " expression, and at most "
        + MAX_VALUES
        + " values can be. Split the list into queries of at most "
        + MAX_VALUES
        + " values, or join a table (a subquery) that yields them instead.";
  }

  /** Thrown at prepare time; mapped to SQLState 54001 (statement too complex). */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(int values) {
      super(message("a list of " + values + " values"));
    }
  }

  /** Checks every node that Calcite will compile (its own convention), not the W&B scans. */
  static void check(RelNode rel) {
    if (rel.getConvention() != EnumerableConvention.INSTANCE) {
      return;
    }
    rel.accept(
        new RexShuttle() {
          @Override
          public RexNode visitLiteral(RexLiteral literal) {
            // A Sarg (IN list, ranges) sits in a literal, in a Calc apart from its SEARCH call.
            if (literal.getValue() instanceof Sarg<?> sarg) {
              refuseAbove(sarg.rangeSet.asRanges().size());
            }
            return literal;
          }

          @Override
          public RexNode visitCall(RexCall call) {
            if (call.getKind() == SqlKind.OR) {
              refuseAbove(call.getOperands().size());
            }
            return super.visitCall(call);
          }
        });
    for (RelNode input : rel.getInputs()) {
      check(input);
    }
  }

  private static void refuseAbove(int values) {
    if (values > MAX_VALUES) {
      throw new Exceeded(values);
    }
  }
}
