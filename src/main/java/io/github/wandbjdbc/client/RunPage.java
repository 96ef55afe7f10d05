package io.github.wandbjdbc.client;

import java.util.List;

/**
 * One page of a run listing: its runs, the cursor that asks for the page after it (the last
 * edge's cursor, null when there are no edges), and whether W&B says there is one.
 */
record RunPage(List<Run> runs, String nextCursor, boolean hasNextPage) {

  RunPage {
    runs = List.copyOf(runs);
  }
}
