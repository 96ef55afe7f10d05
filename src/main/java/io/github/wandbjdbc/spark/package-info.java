/**
 * The Spark DataSource V2 connector, {@code spark.read.format("wandb").load("histories")}: a JDBC
 * client of the driver, like {@code pgwire} and {@code mcp}. The source plans partitions (runs
 * balanced by history length), pushes filters, columns and limits as SQL, and each partition reads
 * its SQL through the driver, so exports, cache, read-ahead and retries apply. Its classes load
 * only inside Spark: nothing else in the jar refers to them.
 */
package io.github.wandbjdbc.spark;
