package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** pg_catalog or information_schema: a fixed set of {@link CatalogTable}s. */
final class CatalogSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  CatalogSchema(Map<String, ? extends Table> tables) {
    this.tables = Map.copyOf(tables);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
