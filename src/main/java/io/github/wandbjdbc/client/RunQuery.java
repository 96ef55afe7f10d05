package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A run listing: W&B filter document ({@code {}} = every run; null is taken as {@code {}}), one
 * order key ({@code "+created_at"} when null or empty, as the official client), the most runs a
 * page may ask for, how many runs at most ({@code < 0} = all), the fields and keys wanted, and how
 * many runs the reader wants first ({@code firstRows}, 0 = unknown; see {@code RowGoal}): the first
 * page asks for no more, so a grid showing 200 rows costs one request of 200; and, when not null,
 * the {@link MetricOrder} the runs are handed over in, proven rather than trusted (its hint and
 * goal then stand for {@code order} and {@code firstRows}). The query owns the filter node it is
 * given: the caller must not change it afterwards (it is not copied).
 */
public record RunQuery(
    String entity,
    String project,
    ObjectNode filter,
    String order,
    int pageSize,
    long limit,
    RunSelection selection,
    long firstRows,
    MetricOrder metricOrder) {

  public static final String DEFAULT_ORDER = "+created_at";

  /**
   * Runs per page when they carry whole JSON fields: a page of 1,000 full configs and summaries is
   * megabytes, near what W&B answers within its request deadline (unverified).
   */
  static final int WIDE_ROWS_PER_PAGE = 200;

  public RunQuery {
    Objects.requireNonNull(entity, "entity is null");
    Objects.requireNonNull(project, "project is null");
    filter = filter == null ? JsonNodeFactory.instance.objectNode() : filter;
    order = order == null || order.isEmpty() ? DEFAULT_ORDER : order;
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
    }
    Objects.requireNonNull(selection, "selection is null");
  }

  /** A listing without a first-page goal. */
  public RunQuery(
      String entity,
      String project,
      ObjectNode filter,
      String order,
      int pageSize,
      long limit,
      RunSelection selection) {
    this(entity, project, filter, order, pageSize, limit, selection, 0, null);
  }

  /** Runs a page asks for: {@code pageSize}, or fewer when the rows are wide. */
  public int rowsPerPage() {
    return selection.wide() ? Math.min(pageSize, WIDE_ROWS_PER_PAGE) : pageSize;
  }

  /** Runs the first page asks for: {@link #rowsPerPage}, or fewer when the reader wants fewer. */
  public int firstPageRows() {
    return firstRows > 0 ? (int) Math.min(rowsPerPage(), firstRows) : rowsPerPage();
  }
}
