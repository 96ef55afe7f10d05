package io.github.wandbjdbc.calcite;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.Hook;

/**
 * How many rows a scan's reader wants first, so that its first request asks for that many and no
 * more: a grid that shows 200 rows and stops costs one small request. The front puts the
 * statement's {@code maxRows} and fetch size in the query's {@link DataContext} under {@link
 * #MAX_ROWS} and {@link #FETCH_SIZE}; a LIMIT right above the scan reaches it through its spec.
 *
 * <p>maxRows and the fetch size count result rows, so they speak only for the scan whose rows reach
 * the result one by one, through nothing but calculations, filters and limits: not for an
 * aggregate's input, a join's sides or a batched join's inner scans. Which scan that is can only be
 * seen from the root of the finished plan, so {@link #watchPlans} notes it as each plan is about to
 * be implemented (on the implementing thread, which then asks {@link #feedsResult}).
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

  private static final AtomicBoolean WATCHING = new AtomicBoolean();

  /** The node whose rows reach the result one by one, in the plan this thread implements. */
  private static final ThreadLocal<WeakReference<RelNode>> FEEDING = new ThreadLocal<>();

  private RowGoal() {}

  /**
   * Starts noting, for every plan about to be implemented, which node feeds its result. Calcite
   * deprecates global hooks (they serve its tests), but this one is the only place that sees a
   * finished plan's root before its code is generated.
   */
  @SuppressWarnings("deprecation")
  public static void watchPlans() {
    if (WATCHING.compareAndSet(false, true)) {
      Consumer<RelRoot> note = root -> FEEDING.set(new WeakReference<>(source(root.rel)));
      Hook.PLAN_BEFORE_IMPLEMENTATION.add(note); // for the JVM's life, like the driver itself
    }
  }

  /** Whether {@code scan}'s rows reach the result of the plan being implemented one by one. */
  public static boolean feedsResult(RelNode scan) {
    WeakReference<RelNode> feeding = FEEDING.get();
    return feeding != null && feeding.get() == scan;
  }

  private static RelNode source(RelNode node) {
    while (node instanceof EnumerableCalc
        || node instanceof EnumerableFilter
        || node instanceof EnumerableProject
        || node instanceof EnumerableLimit) {
      node = node.getInput(0);
    }
    return node;
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
