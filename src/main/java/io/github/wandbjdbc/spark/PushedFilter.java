package io.github.wandbjdbc.spark;

import org.apache.spark.sql.sources.Filter;

/** A filter Spark handed over, and the SQL condition sent for it. */
record PushedFilter(Filter filter, SqlFilter sql) {}
