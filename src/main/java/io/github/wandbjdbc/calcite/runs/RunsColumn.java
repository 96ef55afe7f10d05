package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.calcite.filter.FilterableField;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunField;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of a {@code runs} table: its SQL type, how a run fills it, and what W&B can do with
 * it.
 *
 * @param filterKey the W&B filter key that addresses this column, or null when it cannot be
 *     filtered on the server
 * @param scalarExact whether W&B holds exactly the SQL value (a scalar of this type, or nothing),
 *     so that server-side comparisons select exactly SQL's rows; false for discovered config and
 *     summary keys, where any run may hold a list, an object or another type
 * @param field the W&B run field the value comes from, or null when the run's name (always listed)
 *     or the connection fills it
 * @param key for a discovered column, the top-level key of {@code field} that holds its value, so
 *     that only that key is requested; null when the column needs the whole field
 * @param reader the value in Calcite's internal representation (TIMESTAMP as epoch millis)
 * @param remarks where the column comes from in W&B, for {@code DatabaseMetaData.getColumns}
 */
record RunsColumn(
    String name,
    SqlTypeName type,
    boolean nullable,
    String filterKey,
    boolean scalarExact,
    RunField field,
    String key,
    BiFunction<Run, ProjectContext, Object> reader,
    String remarks) {

  RunsColumn {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(reader, "reader is null");
    Objects.requireNonNull(remarks, "remarks is null");
  }

  Object value(Run run, ProjectContext table) {
    return reader.apply(run, table);
  }

  FilterableField filterable() {
    return new FilterableField(filterKey, type, scalarExact);
  }
}
