package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.calcite.histories.HistoryKind;
import io.github.wandbjdbc.calcite.histories.HistoryTable;
import io.github.wandbjdbc.calcite.runs.RunsTable;
import io.github.wandbjdbc.client.WandbClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One W&B project as a schema; its tables read through the connection's client. */
final class ProjectSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  ProjectSchema(WandbClient client, ProjectContext context, AdapterSettings settings) {
    Map<String, Table> all = new LinkedHashMap<>();
    all.put(TableFacts.RUNS, new RunsTable(client, context, settings));
    for (HistoryKind kind : HistoryKind.values()) {
      all.put(kind.tableName(), new HistoryTable(client, context, settings, kind));
    }
    this.tables = Collections.unmodifiableMap(all);
  }

  /** The names of every project's tables. */
  static List<String> tableNames() {
    List<String> names = new ArrayList<>(List.of(TableFacts.RUNS));
    for (HistoryKind kind : HistoryKind.values()) {
      names.add(kind.tableName());
    }
    return names;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
