package io.github.wandbjdbc.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * What the root schema answers for a project's table named without its project: validating it fails
 * with a message saying which property to set, where Calcite alone would say only "Object 'runs'
 * not found". A connection with a default project finds the project's table first, so this is
 * reached only when there is none. Metadata never lists it: it lists the projects' tables.
 */
final class ProjectlessTable extends AbstractTable {
  private final String name;

  ProjectlessTable(String name) {
    this.name = name;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    throw new CalciteException(
        "Table '"
            + name
            + "' belongs to a project, and this connection has no default project: set"
            + " project=<project> in the JDBC URL (or call Connection.setSchema), or qualify the"
            + " table as \"<project>\"."
            + name,
        null);
  }
}
