package io.github.wandbjdbc.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Takes the filters, columns and limit Spark offers and keeps what the driver can send on. */
final class WandbScanBuilder
    implements ScanBuilder,
        SupportsPushDownFilters,
        SupportsPushDownRequiredColumns,
        SupportsPushDownLimit {
  private final WandbOptions options;
  private final Set<String> columns;
  private StructType required;
  private final List<PushedFilter> pushed = new ArrayList<>();
  private int limit = -1;

  WandbScanBuilder(WandbOptions options, StructType schema) {
    this.options = options;
    this.required = schema;
    this.columns =
        Arrays.stream(schema.fields()).map(StructField::name).collect(Collectors.toSet());
  }

  /** Returns what Spark must still check: filters not sent, and those sent but not exact. */
  @Override
  public Filter[] pushFilters(Filter[] filters) {
    List<Filter> postScan = new ArrayList<>();
    for (Filter filter : filters) {
      Optional<SqlFilter> sql = SqlFilter.of(filter, columns);
      sql.ifPresent(s -> pushed.add(new PushedFilter(filter, s)));
      if (sql.isEmpty() || !sql.get().exact()) {
        postScan.add(filter);
      }
    }
    return postScan.toArray(Filter[]::new);
  }

  @Override
  public Filter[] pushedFilters() {
    return pushed.stream().map(PushedFilter::filter).toArray(Filter[]::new);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  /** Only {@code runs} takes a LIMIT: it is one partition, so the LIMIT is the whole answer's. */
  @Override
  public boolean pushLimit(int n) {
    if (!WandbScan.isRuns(options)) {
      return false;
    }
    limit = n;
    return true;
  }

  @Override
  public Scan build() {
    return new WandbScan(options, required, List.copyOf(pushed), limit);
  }
}
