package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.client.WandbClient;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One W&B project as a schema; its tables read through the connection's client. */
final class ProjectSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  ProjectSchema(WandbClient client, RunTableContext context, AdapterSettings settings) {
    this.tables = Map.of("runs", new RunsTable(client, context, settings));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
