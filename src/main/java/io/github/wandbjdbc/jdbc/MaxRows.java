package io.github.wandbjdbc.jdbc;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * A statement's {@code setMaxRows}: at most that many rows, and never a request for one more.
 * Linq4j's {@code take} asks its source for row n+1 before it says there is none, and the result
 * set's iterator asks for the next row as it hands out the current one, so a scan whose first page
 * held exactly the n rows would fetch a second page that nobody reads.
 */
final class MaxRows {
  private MaxRows() {}

  static <T> Enumerable<T> take(Enumerable<T> rows, long maxRows) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        Enumerator<T> source = rows.enumerator();
        return new Enumerator<>() {
          private long taken;

          @Override
          public T current() {
            return source.current();
          }

          @Override
          public boolean moveNext() {
            if (taken >= maxRows || !source.moveNext()) {
              return false;
            }
            taken++;
            return true;
          }

          @Override
          public void reset() {
            source.reset();
            taken = 0;
          }

          @Override
          public void close() {
            source.close();
          }
        };
      }
    };
  }
}
