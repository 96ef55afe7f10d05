package io.github.wandbjdbc.calcite;

import java.util.List;
import java.util.Optional;

/**
 * What a table of this adapter tells JDBC metadata about itself, so that the driver asks the table
 * and never names it. W&B has no indexes or constraints; these keys describe the data.
 */
public interface TableFacts {
  /** The table every other table of a project refers to. */
  String RUNS = "runs";

  /** What the table holds, one sentence for {@code getTables} REMARKS. */
  String remarks();

  /** The primary key's columns in key order; empty when rows have no unique key. */
  List<String> primaryKey();

  /** The columns that refer to another table of the same project. */
  List<ForeignKey> foreignKeys();

  /**
   * Where a column comes from in W&B; empty for a name the table does not have. May make the
   * table's one bounded discovery request.
   */
  Optional<String> columnRemarks(String column);

  /** {@code column} refers to {@code referencedColumn} of {@code referencedTable}. */
  record ForeignKey(String column, String referencedTable, String referencedColumn) {}
}
