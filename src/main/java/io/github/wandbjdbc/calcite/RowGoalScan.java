package io.github.wandbjdbc.calcite;

import org.apache.calcite.rel.RelNode;

/**
 * A scan whose first request the statement's row goal ({@link RowGoal}) may size: only the finished
 * plan shows whether its rows reach the result one by one, so it is told then.
 */
public interface RowGoalScan {
  /** A copy of this scan whose first request the statement's row goal sizes. */
  RelNode feedingResult();
}
