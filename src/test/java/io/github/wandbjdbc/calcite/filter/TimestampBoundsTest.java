package io.github.wandbjdbc.calcite.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampBoundsTest {
  @ParameterizedTest(name = "{0} ms, shift {1} -> {2}")
  @CsvSource({
    "0, -1, 1969-12-31T23:59:59",
    "0, 1, 1970-01-01T00:00:01",
    "999, -1, 1969-12-31T23:59:59",
    "999, 1, 1970-01-01T00:00:02",
    "-1, -1, 1969-12-31T23:59:58",
    "-1, 1, 1970-01-01T00:00:01",
    "1709294400000, -1, 2024-03-01T11:59:59",
    "-99999999999999999, -1, 0001-01-01T00:00:00",
    "99999999999999999, 1, 9999-12-31T23:59:59"
  })
  void roundsOutwardsThenShifts(long millis, int shift, String expected) {
    assertEquals(expected, TimestampBounds.bound(millis, shift));
  }

  @org.junit.jupiter.api.Test
  void zeroShiftIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> TimestampBounds.bound(0, 0));
  }
}
