package io.github.wandbjdbc.calcite.histories;

import io.github.wandbjdbc.calcite.AdapterSettings;
import io.github.wandbjdbc.calcite.PlanLineage;
import io.github.wandbjdbc.calcite.ProjectContext;
import io.github.wandbjdbc.calcite.QueryGuard;
import io.github.wandbjdbc.calcite.RunSamples;
import io.github.wandbjdbc.calcite.StatementBudget;
import io.github.wandbjdbc.calcite.TableFacts;
import io.github.wandbjdbc.calcite.filter.FilterDocuments;
import io.github.wandbjdbc.client.HistoryQuery;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.WandbClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * One project's {@code histories}, {@code sampled_histories} or {@code system_metrics}: one row per
 * logged row of every run in scope. Planning settles a {@link HistoryScanSpec}; {@link #query}
 * reads the rows of the runs it names with {@link WandbClient#histories}.
 */
public final class HistoryTable extends AbstractTable implements TranslatableTable, TableFacts {
  /** Runs sampled to discover the tables' keys. */
  static final int DISCOVERY_SAMPLE = 20;

  private final WandbClient client;
  private final ProjectContext context;
  private final AdapterSettings settings;
  private final HistoryKind kind;
  private volatile List<HistoryColumn> columns;

  public HistoryTable(
      WandbClient client, ProjectContext context, AdapterSettings settings, HistoryKind kind) {
    this.client = client;
    this.context = context;
    this.settings = settings;
    this.kind = kind;
  }

  HistoryKind kind() {
    return kind;
  }

  AdapterSettings settings() {
    return settings;
  }

  /** The columns, discovered from the newest runs by one bounded request on first use. */
  List<HistoryColumn> columns() {
    List<HistoryColumn> known = columns;
    if (known == null) {
      synchronized (this) {
        if (columns == null) {
          columns =
              HistoryColumnDiscovery.discover(
                  kind,
                  RunSamples.newest(
                      client,
                      context,
                      DISCOVERY_SAMPLE,
                      EnumSet.of(
                          kind.hasSteps() ? RunField.HISTORY_KEYS : RunField.SYSTEM_METRICS)));
        }
        known = columns;
      }
    }
    return known;
  }

  @Override
  public String remarks() {
    return kind.remarks();
  }

  /** A run logs each step once; the system stream has no steps, and no key. */
  @Override
  public List<String> primaryKey() {
    return kind.hasSteps() ? List.of(PlanLineage.RUN_ID, HistoryColumn.STEP) : List.of();
  }

  @Override
  public List<ForeignKey> foreignKeys() {
    return List.of(new ForeignKey(PlanLineage.RUN_ID, RUNS, PlanLineage.RUN_ID));
  }

  @Override
  public Optional<String> columnRemarks(String name) {
    return columns().stream()
        .filter(c -> c.name().equals(name))
        .map(HistoryColumn::remarks)
        .findFirst();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (HistoryColumn column : columns()) {
      row.add(column.name(), column.type()).nullable(column.nullable());
    }
    return row.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return HistoryTableScan.create(context.getCluster(), relOptTable, this);
  }

  /**
   * Runs a planned scan; called from generated code with the values of the spec's slots. Rows are
   * Object[], the bare value for one column, or an empty list for none.
   */
  public Enumerable<Object> query(DataContext root, HistoryScanSpec spec, Object[] values) {
    Set<String> runIds = spec.runIds(values);
    if (runIds != null && runIds.isEmpty()) {
      return Linq4j.emptyEnumerable();
    }
    List<HistoryColumn> selected = new ArrayList<>(spec.columns().size());
    spec.columns().forEach(name -> selected.add(column(name)));
    HistoryQuery query =
        new HistoryQuery(
            context.entity(),
            context.project(),
            kind.read(),
            keys(selected),
            requiredKeys(spec),
            settings.samples(),
            spec.minStep(values),
            spec.endStep(values),
            runIds == null ? null : FilterDocuments.runIdsIn(runIds),
            settings.pageSize(),
            settings.concurrency(),
            spec.firstRows(root),
            spec.ordered(),
            settings.exports());
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new HistoryEnumerator(
            client.histories(query, StatementBudget.of(root)),
            selected,
            QueryGuard.open(root),
            client::isClosed);
      }
    };
  }

  /** The keys the columns read, or null when one of them needs whole rows. */
  private static List<String> keys(List<HistoryColumn> selected) {
    List<String> keys = new ArrayList<>();
    for (HistoryColumn column : selected) {
      if (column.reading() == HistoryColumn.Reading.WHOLE_ROW) {
        return null;
      }
      if (column.key() != null
          && !column.key().equals(HistoryColumn.STEP)
          && !keys.contains(column.key())) {
        keys.add(column.key());
      }
    }
    return keys;
  }

  /** The W&B keys of the columns a pushed filter requires: rows must hold them. */
  private List<String> requiredKeys(HistoryScanSpec spec) {
    return spec.requiredColumns().stream()
        .map(name -> column(name).key())
        .filter(key -> key != null && !key.equals(HistoryColumn.STEP))
        .toList();
  }

  private HistoryColumn column(String name) {
    for (HistoryColumn column : columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    throw new IllegalStateException(
        "no column " + name + " in " + kind.tableName() + " of " + context.project());
  }
}
