package io.github.wandbjdbc.calcite.pgcatalog;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** PostgreSQL's set-returning functions that clients call in a FROM clause. */
public final class PgTableFunctions {
  private PgTableFunctions() {}

  /** The integers from {@code start} to {@code stop}, produced as read. */
  public static ScannableTable generate_series(Integer start, Integer stop) {
    return new Series(start, stop);
  }

  /** SQL's keywords as PostgreSQL lists them; none here: the parser is not PostgreSQL's. */
  public static ScannableTable pg_get_keywords() {
    return new Keywords();
  }

  private static final class Keywords extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      return factory
          .builder()
          .add("word", SqlTypeName.VARCHAR)
          .add("catcode", SqlTypeName.VARCHAR)
          .add("barelabel", SqlTypeName.BOOLEAN)
          .add("catdesc", SqlTypeName.VARCHAR)
          .add("baredesc", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.emptyEnumerable();
    }
  }

  private static final class Series extends AbstractTable implements ScannableTable {
    private final Integer start;
    private final Integer stop;

    Series(Integer start, Integer stop) {
      this.start = start;
      this.stop = stop;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      return factory.builder().add("generate_series", SqlTypeName.INTEGER).build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object[]> enumerator() {
          return new Enumerator<>() {
            private long next = start == null ? 1 : start.longValue();
            private Object[] current;

            @Override
            public Object[] current() {
              return current;
            }

            @Override
            public boolean moveNext() {
              if (start == null || stop == null || next > stop) {
                return false;
              }
              current = new Object[] {(int) next++};
              return true;
            }

            @Override
            public void reset() {
              next = start == null ? 1 : start.longValue();
            }

            @Override
            public void close() {}
          };
        }
      };
    }
  }
}
