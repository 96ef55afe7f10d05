package io.github.wandbjdbc.calcite;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.rel.RelNode;

/**
 * How many rows a scan's reader wants first, so that its first request asks for that many and no
 * more: a grid that shows 200 rows and stops costs one small request. The front puts the
 * statement's {@code maxRows} and fetch size in the query's {@link DataContext} under {@link
 * #MAX_ROWS} and {@link #FETCH_SIZE}; a LIMIT right above the scan reaches it through its spec.
 *
 * <p>maxRows and the fetch size count result rows, so they speak only for the scan whose rows reach
 * the result one by one, through nothing but calculations, filters and limits: not for an
 * aggregate's input, a join's sides or a batched join's inner scans. Which scan that is can only be
 * seen from the root of the finished plan, so {@link #aimAtResult} marks it there, in the plan
 * itself, as the statement's preparation is about to generate its code.
 */
public final class RowGoal {
  /** The statement's {@code setMaxRows}, when set. */
  public static final String MAX_ROWS = "wandbMaxRows";

  /** The statement's fetch size, when set. */
  public static final String FETCH_SIZE = "wandbFetchSize";

  /**
   * Rows beyond which a first page is no longer a first page: a LIMIT of 100,000 sizes the first
   * request to this many rows, and the scan then reads ahead at full speed.
   */
  static final long FIRST_PAGE = 1000;

  private RowGoal() {}

  /**
   * The finished plan {@code rel}, with the scan whose rows reach its result one by one, if it is
   * one of ours, replaced by its copy {@link RowGoalScan#feedingResult feeding the result}, and the
   * operators above it copied onto that. Other plans come back as they are.
   */
  public static RelNode aimAtResult(RelNode rel) {
    if (rel instanceof RowGoalScan scan) {
      return scan.feedingResult();
    }
    if (!passesRowsOneByOne(rel)) {
      return rel;
    }
    RelNode input = rel.getInput(0);
    RelNode aimed = aimAtResult(input);
    return aimed == input ? rel : rel.copy(rel.getTraitSet(), List.of(aimed));
  }

  private static boolean passesRowsOneByOne(RelNode rel) {
    return rel instanceof EnumerableCalc
        || rel instanceof EnumerableFilter
        || rel instanceof EnumerableProject
        || rel instanceof EnumerableLimit;
  }

  /**
   * The rows to ask for first: the fewest rows the query can return ({@code limit}, a LIMIT plus
   * its OFFSET, or {@code maxRows}; 0 when neither applies), else the fetch size; at most {@link
   * #FIRST_PAGE}; 0 when nothing is known.
   */
  public static long firstRows(DataContext root, long limit) {
    long bound = smallestPositive(limit, number(root, MAX_ROWS));
    long goal = bound > 0 ? bound : number(root, FETCH_SIZE);
    return Math.min(goal, FIRST_PAGE);
  }

  private static long number(DataContext root, String name) {
    return root.get(name) instanceof Number n ? n.longValue() : 0;
  }

  private static long smallestPositive(long a, long b) {
    return a <= 0 ? Math.max(b, 0) : b <= 0 ? a : Math.min(a, b);
  }
}
