package io.github.wandbjdbc.client.histories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which spans of a file one request fetches. */
class RangeReadFileTest {

  @Test
  void nearSpansAreFetchedAsOneAndFarOnesApart() {
    long gap = RangeReadFile.MERGE_GAP;
    List<long[]> merged =
        RangeReadFile.merged(
            List.of(
                new long[] {500 + gap, 100}, // just within the gap of the first span's end
                new long[] {0, 500},
                new long[] {100, 50}, // inside the first span
                new long[] {10 * gap, 7}));
    assertEquals(2, merged.size());
    assertArrayEquals(new long[] {0, 600 + gap}, merged.get(0));
    assertArrayEquals(new long[] {10 * gap, 7}, merged.get(1));
  }
}
