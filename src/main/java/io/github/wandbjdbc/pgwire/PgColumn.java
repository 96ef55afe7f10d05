package io.github.wandbjdbc.pgwire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One column of a RowDescription. */
record PgColumn(String name, PgType type) {
  PgColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Columns written as in a table definition, {@code "oid oid, relname name"}: each a name and the
   * PostgreSQL name of its type ({@link PgType#typeName}).
   */
  static List<PgColumn> list(String definition) {
    List<PgColumn> columns = new ArrayList<>();
    for (String column : definition.split(",")) {
      String[] nameAndType = column.trim().split(" ");
      columns.add(new PgColumn(nameAndType[0], PgType.forName(nameAndType[1])));
    }
    return List.copyOf(columns);
  }
}
