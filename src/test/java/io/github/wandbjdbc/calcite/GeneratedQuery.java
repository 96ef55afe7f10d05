package io.github.wandbjdbc.calcite;

import java.util.List;
import java.util.Objects;

/**
 * One generated query.
 *
 * @param seed the seed it was generated from (the same seed and sample give the same query)
 * @param shape what kind of query it is, for reports
 * @param parameters the values of its {@code ?}s, in order; a query without any runs as a plain
 *     statement
 * @param ordered whether its ORDER BY makes the row order total, so rows compare in order
 */
record GeneratedQuery(
    long seed, String shape, String sql, List<QueryParameter> parameters, boolean ordered) {
  GeneratedQuery {
    Objects.requireNonNull(shape, "shape is null");
    Objects.requireNonNull(sql, "sql is null");
    parameters = List.copyOf(parameters);
  }

  @Override
  public String toString() {
    return "seed "
        + seed
        + " ("
        + shape
        + "): "
        + sql
        + (parameters.isEmpty() ? "" : "\n  parameters " + parameters);
  }
}
