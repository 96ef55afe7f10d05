package io.github.wandbjdbc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSplitsTest {
  @Test
  void idListsAreSortedContiguousAndOfEqualSize() {
    assertEquals(
        List.of("run_id IN ('a')", "run_id IN ('b', 'c')", "run_id IN ('d', 'e')"),
        RunSplits.idLists(List.of("e", "d", "c", "b", "a"), 3));
    assertEquals(List.of("run_id IN ('it''s')"), RunSplits.idLists(List.of("it's"), 1));
  }

  @Test
  void createdRangesCutAtQuantilesOpenAtBothEnds() {
    assertEquals(
        List.of(
            "created_at < TIMESTAMP 't3'",
            "created_at >= TIMESTAMP 't3' AND created_at < TIMESTAMP 't5'",
            "created_at >= TIMESTAMP 't5'"),
        RunSplits.createdRanges(List.of("t1", "t2", "t3", "t4", "t5", "t6"), 3));
  }

  /** Runs created in one instant share a range; a cut at the first time would leave one empty. */
  @Test
  void tiesLeaveFewerRanges() {
    assertEquals(
        List.of("created_at < TIMESTAMP 't2'", "created_at >= TIMESTAMP 't2'"),
        RunSplits.createdRanges(List.of("t1", "t1", "t1", "t2", "t2", "t2"), 4));
    assertEquals(List.of(""), RunSplits.createdRanges(List.of("t1", "t1", "t1"), 3));
  }
}
