package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowGoalTest {
  @ParameterizedTest(name = "limit {0}, maxRows {1}, fetch size {2} -> {3}")
  @CsvSource({
    "0, 0, 0, 0",
    "0, 0, 100, 100",
    "200, 0, 100, 200", // a LIMIT's rows are all wanted, whatever the fetch size
    "0, 200, 100, 200",
    "500, 200, 50, 200",
    "200, 500, 50, 200",
    "100000, 0, 200, 1000", // past a first page, read ahead at full speed
    "0, 0, 5000, 1000",
  })
  void firstRowsAreTheFewestTheQueryCanReturnElseTheFetchSize(
      long limit, long maxRows, int fetchSize, long expected) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RowGoal.MAX_ROWS, maxRows);
    variables.put(RowGoal.FETCH_SIZE, fetchSize);
    assertEquals(expected, RowGoal.firstRows(context(variables), limit));
  }

  private static DataContext context(Map<String, Object> variables) {
    return new DataContext() {
      @Override
      public SchemaPlus getRootSchema() {
        return null;
      }

      @Override
      public JavaTypeFactory getTypeFactory() {
        return null;
      }

      @Override
      public QueryProvider getQueryProvider() {
        return null;
      }

      @Override
      public Object get(String name) {
        return variables.get(name);
      }
    };
  }
}
