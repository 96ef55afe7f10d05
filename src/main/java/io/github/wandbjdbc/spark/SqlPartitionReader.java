package io.github.wandbjdbc.spark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;

/**
 * A partition's rows, read through one connection of the driver. A cancelled Spark task cancels the
 * statement, which stops its W&B requests.
 */
final class SqlPartitionReader implements PartitionReader<InternalRow> {
  private final SqlPartition partition;
  private final StructField[] fields;
  private Connection connection;
  private Statement statement;
  private ResultSet rows;

  SqlPartitionReader(SqlPartition partition) {
    this.partition = partition;
    this.fields = partition.schema().fields();
  }

  @Override
  public boolean next() {
    try {
      if (rows == null) {
        open();
      }
      return rows.next();
    } catch (SQLException e) {
      throw WandbSources.failure(e);
    }
  }

  private void open() throws SQLException {
    connection = partition.options().connect();
    statement = connection.createStatement();
    rows = statement.executeQuery(partition.sql());
  }

  @Override
  public InternalRow get() {
    Object[] values = new Object[fields.length];
    try {
      for (int i = 0; i < fields.length; i++) {
        values[i] = ColumnTypes.read(rows, i + 1, fields[i].dataType());
      }
    } catch (SQLException e) {
      throw WandbSources.failure(e);
    }
    return new GenericInternalRow(values);
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw WandbSources.failure(e);
      }
    }
  }
}
