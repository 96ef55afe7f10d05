package io.github.wandbjdbc.calcite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The run ids a scan is restricted to by a batched join: one field of the left rows that Calcite's
 * batch nested-loop join binds to the correlation variables {@code $cor0 .. $corN} before it
 * evaluates the right side. The scan receives their values at execution, as a list, and asks W&B
 * only for those runs; the generated code is the same for every batch.
 *
 * <p>Any scan keyed by run id (runs, histories) can use it: record it while collecting the
 * request, pass {@link #values} to the table's query method, and narrow the request with
 * {@link #distinctIds} of what arrives.
 *
 * @param variables the correlation variables of the batch, e.g. {@code [$cor0, $cor1, ...]}
 * @param leftField the index of the run id field in the left rows
 * @param leftFieldName its name, for EXPLAIN
 */
public record CorrelatedRunIds(List<String> variables, int leftField, String leftFieldName) {
  public CorrelatedRunIds {
    variables = List.copyOf(variables);
    Objects.requireNonNull(leftFieldName, "leftFieldName is null");
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("no correlation variables");
    }
  }

  /**
   * The correlated run ids a predicate implies, or null. It must be an equality of the run id
   * field with a field of a correlation variable ({@code $cor0.run_id = $3}), or an OR whose every
   * arm has such an equality as a conjunct, on the same left field.
   *
   * @param runIdField the {@code RexInputRef} index of the run id in the filtered rows
   */
  static Found find(RexNode predicate, int runIdField) {
    List<String> variables = new ArrayList<>();
    int leftField = -1;
    String leftFieldName = null;
    boolean exact = true;
    for (RexNode arm : RelOptUtil.disjunctions(predicate)) {
      List<RexNode> conjuncts = RelOptUtil.conjunctions(arm);
      RexFieldAccess bound = null;
      for (RexNode conjunct : conjuncts) {
        bound = correlatedEquality(conjunct, runIdField);
        if (bound != null) {
          break;
        }
      }
      if (bound == null
          || (leftField >= 0 && bound.getField().getIndex() != leftField)) {
        return null;
      }
      leftField = bound.getField().getIndex();
      leftFieldName = bound.getField().getName();
      String variable = ((RexCorrelVariable) bound.getReferenceExpr()).getName();
      if (!variables.contains(variable)) {
        variables.add(variable);
      }
      exact &= conjuncts.size() == 1;
    }
    return new Found(new CorrelatedRunIds(variables, leftField, leftFieldName), exact);
  }

  /**
   * What {@link #find} found.
   *
   * @param exact whether the predicate is nothing but the equalities, so that restricting the
   *     scan to the ids is all it does (the run id is NOT NULL; a NULL left value matches nothing)
   */
  record Found(CorrelatedRunIds runIds, boolean exact) {}

  /** The correlation field in {@code runIdField = $corN.f} (either side, text on both), or null. */
  private static RexFieldAccess correlatedEquality(RexNode node, int runIdField) {
    if (node.getKind() != SqlKind.EQUALS) {
      return null;
    }
    List<RexNode> operands = ((RexCall) node).getOperands();
    for (int i = 0; i < 2; i++) {
      if (operands.get(i) instanceof RexInputRef ref && ref.getIndex() == runIdField
          && operands.get(1 - i) instanceof RexFieldAccess access
          && access.getReferenceExpr() instanceof RexCorrelVariable
          && access.getType().getSqlTypeName() == SqlTypeName.VARCHAR) {
        return access;
      }
    }
    return null;
  }

  /**
   * Code for the list of the batch's values of the left field; valid only while the batch join
   * implements its right input, which is when W&B converters generate their code.
   */
  Expression values(EnumerableRelImplementor implementor, BlockBuilder block) {
    List<Expression> values = new ArrayList<>(variables.size());
    for (String variable : variables) {
      // The getter declares the field in the batch join's block, where the right input runs.
      values.add(Expressions.convert_(
          implementor.getCorrelVariableGetter(variable).field(block, leftField, null),
          Object.class));
    }
    return Expressions.call(Types.lookupMethod(Arrays.class, "asList", Object[].class),
        Expressions.newArrayInit(Object.class, values));
  }

  /** The distinct non-null ids of a batch (Calcite pads a short last batch with its first row). */
  static List<String> distinctIds(List<?> values) {
    Set<String> ids = new LinkedHashSet<>();
    for (Object value : values) {
      if (value != null) {
        ids.add(value.toString());
      }
    }
    return List.copyOf(ids);
  }

  /** For EXPLAIN, e.g. {@code $cor0..$cor99.run_id}. */
  String describe() {
    String range = variables.size() == 1
        ? variables.get(0)
        : variables.get(0) + ".." + variables.get(variables.size() - 1);
    return range + "." + leftFieldName;
  }
}
