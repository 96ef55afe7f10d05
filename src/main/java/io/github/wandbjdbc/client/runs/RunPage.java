package io.github.wandbjdbc.client.runs;

import io.github.wandbjdbc.client.Run;
import java.util.List;

/**
 * One page of a run listing: its runs, the cursor that asks for the page after it (the last edge's
 * cursor, as the official client uses, else {@code pageInfo.endCursor}; may be null), and whether
 * W&B says there is a next page.
 */
record RunPage(List<Run> runs, String nextCursor, boolean hasNextPage) {

  RunPage {
    runs = List.copyOf(runs);
  }
}
