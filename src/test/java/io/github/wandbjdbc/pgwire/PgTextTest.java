package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgTextTest {
  @ParameterizedTest
  @CsvSource({
    "0.5, 0.5",
    "3, 3",
    "-2.25, -2.25",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.000012345, 1.2345e-05",
    "123456789012345, 123456789012345",
    "1234567890123456, 1.234567890123456e+15",
    "1e300, 1e+300",
    "0.1, 0.1",
    "NaN, NaN",
    "Infinity, Infinity",
    "-Infinity, -Infinity",
    "0, 0",
    "-0.0, -0"
  })
  void floatsPrintAsPostgresPrintsThem(double value, String text) {
    assertEquals(text, PgText.floatText(value));
    assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(PgText.parseFloat(text)));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-05-12T21:49:19Z, 2026-05-12 21:49:19",
    "2026-05-12T21:49:19.017Z, 2026-05-12 21:49:19.017",
    "2026-05-12T21:49:19.000001Z, 2026-05-12 21:49:19.000001",
  })
  void timestampsPrintWithTheFractionTheyHave(String instant, String text) {
    assertEquals(text, PgText.timestampText(Instant.parse(instant)));
    assertEquals(Instant.parse(instant), PgText.parseTimestamp(text));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-05-12 21:49:19+02, 2026-05-12T19:49:19Z",
    "2026-05-12T21:49:19Z, 2026-05-12T21:49:19Z",
    "2026-05-12 21:49:19.5-01:30, 2026-05-12T23:19:19.500Z",
    "2026-05-12, 2026-05-12T00:00:00Z"
  })
  void timestampParametersMayCarryAnOffset(String text, String instant) {
    assertEquals(Instant.parse(instant), PgText.parseTimestamp(text));
  }

  @ParameterizedTest
  @CsvSource({"t, true", "TRUE, true", "on, true", "1, true", "f, false", "no, false", "0, false"})
  void booleansReadEveryPostgresSpelling(String text, boolean value) {
    assertEquals(value, PgText.parseBool(text));
  }

  @org.junit.jupiter.api.Test
  void anUnknownBooleanSpellingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PgText.parseBool("maybe"));
  }
}
