package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rex.RexNode;

/**
 * A WHERE condition split between W&B and Calcite.
 *
 * @param pushed one W&B filter document selecting a superset of the SQL rows, or null when nothing
 *     could be pushed
 * @param values the values its placeholders refer to by slot ({@link ValueSlots})
 * @param remainder the original conjuncts Calcite must still evaluate over the pushed rows
 * @param exact true when the pushed filter selects exactly the SQL rows (remainder is empty)
 */
public record FilterSplit(ObjectNode pushed, List<RexNode> values, List<RexNode> remainder,
    boolean exact) {
  public FilterSplit {
    values = List.copyOf(values);
    remainder = List.copyOf(Objects.requireNonNull(remainder, "remainder is null"));
    if (exact != remainder.isEmpty()) {
      throw new IllegalArgumentException("exact must equal remainder.isEmpty()");
    }
  }
}
