package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistorySamplerTest {
  private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

  @Test
  void keepsEveryRowWhenTheyFit() {
    assertEquals(TEN, HistorySampler.sample(TEN, 10));
    assertEquals(TEN, HistorySampler.sample(TEN, 500));
  }

  @Test
  void picksEvenlySpacedRowsIncludingBothEnds() {
    assertEquals(List.of(0, 3, 6, 9), HistorySampler.sample(TEN, 4));
    assertEquals(List.of(0, 9), HistorySampler.sample(TEN, 2));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 9), HistorySampler.sample(TEN, 9));
  }

  @Test
  void degenerateLimits() {
    assertEquals(List.of(0), HistorySampler.sample(TEN, 1));
    assertEquals(List.of(), HistorySampler.sample(TEN, 0));
    assertEquals(List.of(), HistorySampler.sample(List.of(), 3));
  }
}
