package io.github.wandbjdbc.calcite.filter;

import java.util.Objects;

/** A pushed W&B filter and how closely it follows its SQL predicate. */
record Translation(PushedFilter filter, Precision precision) {
  Translation {
    Objects.requireNonNull(filter, "filter is null");
    Objects.requireNonNull(precision, "precision is null");
  }
}
