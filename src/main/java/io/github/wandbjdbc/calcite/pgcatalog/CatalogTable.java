package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One relation of pg_catalog or information_schema: PostgreSQL's columns, and rows built from the
 * connection's {@link CatalogObjects} when scanned. Calcite evaluates the query over it like over
 * any table; the rows may be narrowed by the scan's equality conditions, never filtered by them.
 */
final class CatalogTable extends AbstractTable implements FilterableTable {
  /** Builds the rows, values in column order; {@code filter} may be used to skip objects. */
  @FunctionalInterface
  interface Rows {
    List<Object[]> build(CatalogObjects objects, CatalogFilter filter);
  }

  private final int oid;
  private final char kind;
  private final CatalogColumns columns;
  private final Rows rows;

  CatalogTable(int oid, char kind, String columns, Rows rows) {
    this.oid = oid;
    this.kind = kind;
    this.columns = new CatalogColumns(columns);
    this.rows = rows;
  }

  /** A relation with no rows: what PostgreSQL has there is nothing W&B has. */
  static CatalogTable empty(int oid, String columns) {
    return new CatalogTable(oid, 'r', columns, (objects, filter) -> List.of());
  }

  int oid() {
    return oid;
  }

  /** pg_class.relkind: {@code r} for a table, {@code v} for a view. */
  char kind() {
    return kind;
  }

  /** The names of its boolean columns. */
  List<String> booleanColumns() {
    return columns.columns().stream()
        .filter(c -> c.type() == SqlTypeName.BOOLEAN)
        .map(CatalogColumns.Column::name)
        .toList();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return columns.rowType(typeFactory);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters) {
    List<Object[]> built = rows.build(CatalogObjects.of(root), new CatalogFilter(filters));
    List<Object[]> coerced = new ArrayList<>(built.size());
    for (Object[] row : built) {
      coerced.add(columns.coerce(row));
    }
    return Linq4j.asEnumerable(coerced);
  }
}
