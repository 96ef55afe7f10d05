package io.github.wandbjdbc.calcite.pgcatalog;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Babel's lenient conformance ({@code !=}, lenient coercion such as an array compared with {@code
 * '{0}'}), except that a select item may not name another one, as in PostgreSQL: with Babel's
 * lookup an unknown column is reported as depending on itself.
 */
final class PgConformance extends SqlDelegatingConformance {
  static final PgConformance INSTANCE = new PgConformance();

  private PgConformance() {
    super(SqlConformanceEnum.BABEL);
  }

  @Override
  public SelectAliasLookup isSelectAlias() {
    return SelectAliasLookup.UNSUPPORTED;
  }
}
