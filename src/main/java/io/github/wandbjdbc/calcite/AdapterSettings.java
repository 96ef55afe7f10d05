package io.github.wandbjdbc.calcite;

/**
 * The connection settings the adapter acts on.
 *
 * @param pageSize the most runs per W&B request when listing runs (fewer for wide rows)
 * @param samples points per run in sampled histories
 * @param concurrency parallel W&B requests for history reads
 * @param pushdown whether SQL operators may be translated into W&B requests
 * @param descNullsLast whether a bare DESC on a discovered column puts NULLs last
 * @param exports whether exact history reads take exported steps from W&B's parquet files
 */
public record AdapterSettings(
    int pageSize,
    int samples,
    int concurrency,
    boolean pushdown,
    boolean descNullsLast,
    boolean exports) {
  public AdapterSettings {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
    }
  }
}
