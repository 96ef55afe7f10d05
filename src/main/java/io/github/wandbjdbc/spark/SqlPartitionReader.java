package io.github.wandbjdbc.spark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;

/**
 * A partition's rows, read through one connection of the driver. A killed Spark task (a cancelled
 * job or stage) cancels the statement, which aborts its W&B requests in flight and sends no more:
 * Spark only marks the task, and a reader blocked on W&B would not look until its rows came.
 */
final class SqlPartitionReader implements PartitionReader<InternalRow> {
  /** How often a running partition looks whether Spark killed its task. */
  static final long KILL_CHECK_MILLIS = 100;

  private static final ScheduledExecutorService KILL_CHECKS =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "wandb-jdbc-spark-kill-check");
            thread.setDaemon(true);
            return thread;
          });

  private final SqlPartition partition;
  private final StructField[] fields;
  private Connection connection;
  private Statement statement;
  private ResultSet rows;
  private ScheduledFuture<?> killCheck;

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
    TaskContext task = TaskContext.get();
    if (task != null) {
      Statement running = statement;
      killCheck =
          KILL_CHECKS.scheduleWithFixedDelay(
              () -> cancelIfKilled(task, running),
              KILL_CHECK_MILLIS,
              KILL_CHECK_MILLIS,
              TimeUnit.MILLISECONDS);
    }
    rows = statement.executeQuery(partition.sql());
  }

  private static void cancelIfKilled(TaskContext task, Statement running) {
    if (task.isInterrupted()) {
      try {
        running.cancel();
      } catch (SQLException e) {
        // closed meanwhile: nothing left to stop
      }
    }
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
    if (killCheck != null) {
      killCheck.cancel(false);
    }
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw WandbSources.failure(e);
      }
    }
  }
}
