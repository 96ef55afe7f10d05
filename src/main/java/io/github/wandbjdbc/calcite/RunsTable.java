package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.WandbClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One project's runs, one row per run, read lazily page by page. Only the columns a query uses
 * decide which heavy fields (config, summary, system metrics) W&B is asked for; filters are left
 * to Calcite.
 */
final class RunsTable extends AbstractTable implements ProjectableFilterableTable {
  static final String DEFAULT_ORDER = "+created_at";

  private final WandbClient client;
  private final RunTableContext context;
  private final AdapterSettings settings;

  RunsTable(WandbClient client, RunTableContext context, AdapterSettings settings) {
    this.client = client;
    this.context = context;
    this.settings = settings;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (RunColumn column : RunColumn.ALL) {
      row.add(column.columnName(), column.type()).nullable(column.nullable());
    }
    return row.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    List<RunColumn> columns = columns(projects);
    Set<RunField> heavy = EnumSet.noneOf(RunField.class);
    for (RunColumn column : columns) {
      if (column.heavyField() != null) {
        heavy.add(column.heavyField());
      }
    }
    RunQuery query = new RunQuery(context.entity(), context.project(),
        JsonNodeFactory.instance.objectNode(), DEFAULT_ORDER, settings.pageSize(), -1, heavy);
    AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new RunEnumerator(client.runs(query), columns, context, cancelFlag);
      }
    };
  }

  private static List<RunColumn> columns(int[] projects) {
    if (projects == null) {
      return RunColumn.ALL;
    }
    List<RunColumn> columns = new ArrayList<>(projects.length);
    for (int index : projects) {
      columns.add(RunColumn.ALL.get(index));
    }
    return columns;
  }
}
