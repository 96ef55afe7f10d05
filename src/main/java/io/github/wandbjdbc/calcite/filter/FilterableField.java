package io.github.wandbjdbc.calcite.filter;

import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What the filter translator knows about one input field of the runs scan (list index = {@code
 * RexInputRef} index).
 *
 * @param filterKey the W&B filter key ({@code state}, {@code name}, {@code config.lr}, {@code
 *     summary_metrics.acc}); null when the field is never pushed
 * @param type VARCHAR, BIGINT, DOUBLE, BOOLEAN or TIMESTAMP
 * @param scalarExact true when W&B holds exactly SQL's value, as a scalar of {@code type} or
 *     null/missing (the fixed columns); false for discovered config/summary columns, where a run
 *     may hold an array, an object or another type, all of which SQL sees as NULL
 */
public record FilterableField(String filterKey, SqlTypeName type, boolean scalarExact) {
  public FilterableField {
    Objects.requireNonNull(type, "type is null");
  }

  boolean pushable() {
    return filterKey != null;
  }
}
