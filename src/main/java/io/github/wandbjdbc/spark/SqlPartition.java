package io.github.wandbjdbc.spark;

import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.types.StructType;

/** One partition: the SQL it sends through the driver, and the columns it hands to Spark. */
record SqlPartition(String sql, WandbOptions options, StructType schema)
    implements InputPartition {}
