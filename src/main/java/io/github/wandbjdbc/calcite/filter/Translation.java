package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A pushed W&B filter document and how closely it follows its SQL predicate. */
record Translation(ObjectNode filter, Precision precision) {
  Translation {
    Objects.requireNonNull(filter, "filter is null");
    Objects.requireNonNull(precision, "precision is null");
  }
}
