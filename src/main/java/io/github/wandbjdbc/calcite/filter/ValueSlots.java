package io.github.wandbjdbc.calcite.filter;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexDigestIncludeType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * The values a pushed request refers to by number, because they are known only when its scan
 * starts: {@code ?} parameters, a batched join's correlation fields, and literals beside them. The
 * generated code of every scan evaluates them into one {@code Object[]} (the adapter's {@code
 * ScanCode}), which the table's query method reads by slot.
 */
public final class ValueSlots {
  private final List<RexNode> values;

  public ValueSlots() {
    this(List.of());
  }

  /** Continues numbering after {@code values}, which keep their slots. */
  public ValueSlots(List<RexNode> values) {
    this.values = new ArrayList<>(values);
  }

  /** The slot of {@code value}, a new one when it has none yet. */
  public int slot(RexNode value) {
    int index = values.indexOf(value);
    if (index < 0) {
      values.add(value);
      index = values.size() - 1;
    }
    return index;
  }

  /** Whether {@code value} already has a slot. */
  public boolean contains(RexNode value) {
    return values.contains(value);
  }

  public int indexOf(RexNode value) {
    return values.indexOf(value);
  }

  public int size() {
    return values.size();
  }

  public List<RexNode> values() {
    return List.copyOf(values);
  }

  /**
   * The values as EXPLAIN shows them: literals without a type suffix, others as Calcite writes
   * them.
   */
  public static List<String> describe(List<RexNode> values) {
    return values.stream()
        .map(
            value ->
                value instanceof RexLiteral literal
                    ? literal.computeDigest(RexDigestIncludeType.NO_TYPE)
                    : value.toString())
        .toList();
  }
}
