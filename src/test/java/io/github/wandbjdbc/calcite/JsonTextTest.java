package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTextTest {
  /** Expected texts are what Python 3 prints for repr(float(x)). */
  @ParameterizedTest
  @CsvSource({
    "1779261067.427, 1779261067.427",
    "0.1, 0.1",
    "123, 123.0",
    "-2.5, -2.5",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.000123, 0.000123",
    "0.0000123, 1.23e-05",
    "1e15, 1000000000000000.0",
    "1e16, 1e+16",
    "1.5e300, 1.5e+300",
    "-4.54e-4, -0.000454",
    "0, 0.0",
    "-0.0, -0.0"
  })
  void doublesReadAsPythonWritesThem(double value, String python) {
    assertEquals(python, JsonText.pythonRepr(value));
    assertEquals(value, Double.parseDouble(python));
  }

  @Test
  void jsonColumnsKeepTheLoggedNumberTextAndNameNonFiniteNumbers() {
    ObjectNode summary = new ObjectMapper().createObjectNode();
    summary.put("_timestamp", 1779261067.427).put("lr", 0.00001).put("epochs", 40);
    summary.put("loss", Double.NaN).put("best", Double.POSITIVE_INFINITY);
    assertEquals(
        "{\"_timestamp\":1779261067.427,\"lr\":1e-05,\"epochs\":40,"
            + "\"loss\":\"NaN\",\"best\":\"Infinity\"}",
        JsonText.textOrNull(summary));
  }

  /**
   * Positional values take a shortcut (Java's own text); it must give what the general rule gives:
   * the shortest digits, stripped of trailing zeros, with at least one fractional digit.
   */
  @Test
  void theShortcutForPositionalValuesWritesWhatTheGeneralRuleWrites() {
    java.util.Random random = new java.util.Random(17);
    for (int i = 0; i < 200_000; i++) {
      double value = Math.pow(10, -3 + 10 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
      if (i % 3 == 0) {
        value = Math.rint(value * 1000) / 1000; // few digits, as logged metrics often have
      }
      java.math.BigDecimal decimal =
          new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros();
      String plain = decimal.toPlainString();
      String expected = plain.indexOf('.') < 0 ? plain + ".0" : plain;
      assertEquals(expected, JsonText.pythonRepr(value), "for " + value);
    }
  }
}
