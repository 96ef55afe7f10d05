package io.github.wandbjdbc.calcite.pgcatalog;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * Calcite's type system, with CASE and UNION branches of string literals of different lengths typed
 * VARCHAR, as PostgreSQL's text, instead of blank-padded CHAR: psql's {@code \dt} shows {@code
 * table}, not {@code table} padded to the longest branch.
 */
public final class PgTypeSystem extends RelDataTypeSystemImpl {
  public static final PgTypeSystem INSTANCE = new PgTypeSystem();

  private PgTypeSystem() {}

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
