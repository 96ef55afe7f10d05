package io.github.wandbjdbc.spark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** What the source asks the driver on Spark's driver: a table's columns; and its error form. */
final class WandbSources {
  private WandbSources() {}

  /** The table's columns as the driver declares them, discovered keys included. */
  static StructType schema(WandbOptions options) {
    try (Connection connection = options.connect()) {
      return schema(connection, options.table());
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  static Set<String> columns(Connection connection, String table) throws SQLException {
    return Arrays.stream(schema(connection, table).fields())
        .map(StructField::name)
        .collect(Collectors.toSet());
  }

  /** An empty query lists no runs; the driver answers it from its column facts. */
  private static StructType schema(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet empty =
            statement.executeQuery("SELECT * FROM " + SqlFilter.quoted(table) + " WHERE 1=0")) {
      return ColumnTypes.schema(empty.getMetaData());
    }
  }

  /** The driver's message, which already says what went wrong and what to do, kept as it is. */
  static IllegalStateException failure(SQLException e) {
    return new IllegalStateException(e.getMessage(), e);
  }
}
