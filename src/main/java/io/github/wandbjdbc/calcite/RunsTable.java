package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.WandbClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.WandbException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One project's runs, one row per run. Planning turns a query into one W&B request
 * ({@link RunScanSpec}); {@link #query} runs it lazily, page by page.
 */
public final class RunsTable extends AbstractTable implements TranslatableTable {
  /** Runs sampled to discover config and summary columns. */
  static final int DISCOVERY_SAMPLE = 100;

  private final WandbClient client;
  private final RunTableContext context;
  private final AdapterSettings settings;
  private volatile List<ColumnDef> columns;

  RunsTable(WandbClient client, RunTableContext context, AdapterSettings settings) {
    this.client = client;
    this.context = context;
    this.settings = settings;
  }

  /**
   * The fixed columns, then the config and summary keys discovered from the project's most recent
   * runs: one bounded request, made on first use and kept for the connection.
   */
  List<ColumnDef> columns() {
    List<ColumnDef> known = columns;
    if (known == null) {
      synchronized (this) {
        if (columns == null) {
          List<ColumnDef> all = new ArrayList<>(RunColumn.DEFINITIONS);
          all.addAll(ColumnDiscovery.discover(RunSamples.newest(client, context,
              DISCOVERY_SAMPLE, EnumSet.of(RunField.CONFIG, RunField.SUMMARY_METRICS))));
          columns = List.copyOf(all);
        }
        known = columns;
      }
    }
    return known;
  }

  /** Where a column comes from in W&B (for JDBC metadata); empty for a name it does not have. */
  public Optional<String> columnRemarks(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).map(ColumnDef::remarks)
        .findFirst();
  }

  AdapterSettings settings() {
    return settings;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (ColumnDef column : columns()) {
      row.add(column.name(), column.type()).nullable(column.nullable());
    }
    return row.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new WandbTableScan(context.getCluster(),
        context.getCluster().traitSetOf(WandbRel.CONVENTION), relOptTable, this);
  }

  /**
   * Runs a planned request; called from generated code. Rows are Object[], the bare value when
   * the request has exactly one column, or an empty list when it has none (Calcite's row formats).
   *
   * @param correlatedRunIds under a batched join, the batch's values of the left join key (nulls
   *     and repeats allowed): only those runs are requested; null otherwise
   */
  public Enumerable<Object> query(DataContext root, RunScanSpec spec, List<?> correlatedRunIds) {
    ObjectNode filter = spec.filter() == null
        ? null
        : FilterParameters.bind(spec.filter(), i -> root.get("?" + i));
    if (correlatedRunIds != null) {
      List<String> ids = CorrelatedRunIds.distinctIds(correlatedRunIds);
      if (ids.isEmpty()) {
        return spec.count() ? Linq4j.singletonEnumerable(0L) : Linq4j.emptyEnumerable();
      }
      ObjectNode batch = FilterDocuments.runIdsIn(ids);
      filter = filter == null ? batch : FilterDocuments.and(List.of(filter, batch));
    }
    if (spec.count()) {
      return count(root, filter);
    }
    List<ColumnDef> columns = new ArrayList<>(spec.columns().size());
    for (String name : spec.columns()) {
      columns.add(column(name));
    }
    RunQuery query = new RunQuery(context.entity(), context.project(), filter, spec.order(),
        settings.pageSize(), spec.limit(), spec.heavyFields(columns()));
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new RunEnumerator(client, client.runs(query), columns, context,
            QueryGuard.open(root));
      }
    };
  }

  /** One {@code runCount} request, sent when the row is first asked for; the guard can abort it. */
  private Enumerable<Object> count(DataContext root, ObjectNode filter) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        try (QueryGuard guard = QueryGuard.open(root)) {
          Cancellation scope = new Cancellation();
          guard.onStop(scope::cancel);
          guard.check();
          try {
            Object count = client.runCount(context.entity(), context.project(), filter, scope);
            return Linq4j.singletonEnumerator(count);
          } catch (WandbException e) {
            throw guard.explain(e, client.isClosed());
          }
        }
      }
    };
  }

  private ColumnDef column(String name) {
    for (ColumnDef column : columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    throw new IllegalStateException("no column " + name + " in runs of " + context.project());
  }
}
