package io.github.wandbjdbc.calcite.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.AdapterSettings;
import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.calcite.QueryGuard;
import io.github.wandbjdbc.calcite.RowGoal;
import io.github.wandbjdbc.calcite.RunSamples;
import io.github.wandbjdbc.calcite.StatementBudget;
import io.github.wandbjdbc.calcite.TableFacts;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.WandbClient;
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
 * One project's runs, one row per run. Planning turns a query into one W&B request ({@link
 * RunsScanSpec}); {@link #query} runs it lazily, page by page.
 */
public final class RunsTable extends AbstractTable implements TranslatableTable, TableFacts {
  /** Runs sampled to discover config and summary columns. */
  static final int DISCOVERY_SAMPLE = 100;

  private final WandbClient client;
  private final ProjectContext context;
  private final AdapterSettings settings;
  private volatile List<RunsColumn> columns;

  public RunsTable(WandbClient client, ProjectContext context, AdapterSettings settings) {
    this.client = client;
    this.context = context;
    this.settings = settings;
  }

  /**
   * The fixed columns, then the config and summary keys discovered from the project's most recent
   * runs: one bounded request, made on first use and kept for the connection.
   */
  List<RunsColumn> columns() {
    List<RunsColumn> known = columns;
    if (known == null) {
      synchronized (this) {
        if (columns == null) {
          List<RunsColumn> all = new ArrayList<>(StandardRunColumn.DEFINITIONS);
          all.addAll(
              RunsColumnDiscovery.discover(
                  RunSamples.newest(
                      client,
                      context,
                      DISCOVERY_SAMPLE,
                      EnumSet.of(RunField.CONFIG, RunField.SUMMARY_METRICS))));
          columns = List.copyOf(all);
        }
        known = columns;
      }
    }
    return known;
  }

  @Override
  public String remarks() {
    return "W&B runs of this project, one row per run: state, config and summary values";
  }

  @Override
  public List<String> primaryKey() {
    return List.of(PlanLineage.RUN_ID);
  }

  @Override
  public List<ForeignKey> foreignKeys() {
    return List.of();
  }

  @Override
  public Optional<String> columnRemarks(String name) {
    return columns().stream()
        .filter(c -> c.name().equals(name))
        .map(RunsColumn::remarks)
        .findFirst();
  }

  AdapterSettings settings() {
    return settings;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (RunsColumn column : columns()) {
      row.add(column.name(), column.type()).nullable(column.nullable());
    }
    return row.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new RunsTableScan(
        context.getCluster(),
        context.getCluster().traitSetOf(RunsRel.CONVENTION),
        relOptTable,
        this);
  }

  /**
   * Runs a planned request; called from generated code with the values of the spec's slots. Rows
   * are Object[], the bare value when the request has exactly one column, or an empty list when it
   * has none (Calcite's row formats).
   */
  public Enumerable<Object> query(DataContext root, RunsScanSpec spec, Object[] values) {
    if (!spec.runIdSlots().isEmpty()
        && spec.runIdSlots().stream().allMatch(slot -> values[slot] == null)) {
      // A batch without a single run id: no run can match.
      return spec.count() ? Linq4j.singletonEnumerable(0L) : Linq4j.emptyEnumerable();
    }
    ObjectNode filter = spec.filter() == null ? null : spec.filter().build(values);
    if (spec.count()) {
      return count(root, filter);
    }
    List<RunsColumn> columns = new ArrayList<>(spec.columns().size());
    for (String name : spec.columns()) {
      columns.add(column(name));
    }
    RunQuery query =
        new RunQuery(
            context.entity(),
            context.project(),
            filter,
            spec.order(),
            settings.pageSize(),
            spec.limit(),
            spec.selection(columns(), settings.pushdown()),
            // Rows that do not reach the result one by one (an aggregate's, a join's) are not
            // what the statement's maxRows and fetch size count.
            spec.feedsResult() ? RowGoal.firstRows(root, spec.limit()) : 0,
            spec.metricSort() == null ? null : spec.metricSort().order(columns, context));
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new RunsEnumerator(
            client,
            client.runs(query, StatementBudget.of(root)),
            columns,
            context,
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
          Cancellation scope = new Cancellation(StatementBudget.of(root));
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

  private RunsColumn column(String name) {
    for (RunsColumn column : columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    throw new IllegalStateException("no column " + name + " in runs of " + context.project());
  }
}
