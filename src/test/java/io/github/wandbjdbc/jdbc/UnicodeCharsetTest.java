package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnicodeCharsetTest {
  @Test
  void theDriverMakesUtf8TheDefaultWhenTheUserSetNothing() {
    Properties unset = new Properties();
    UnicodeCharset.useUnlessConfigured(unset);
    assertEquals(
        Map.of(
            "calcite.default.charset", "UTF-8",
            "calcite.default.nationalcharset", "UTF-8",
            "calcite.default.collation.name", "UTF-8$en_US"),
        unset);
  }

  /** The three settings must agree, so one set by the user keeps the driver from setting any. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "calcite.default.charset",
        "calcite.default.collation.name",
        "saffron.default.nationalcharset",
        "net.sf.saffron.default.charset"
      })
  void anyOfTheSettingsSetByTheUserIsLeftAlone(String key) {
    Properties configured = new Properties();
    configured.setProperty(key, "ISO-8859-1");
    UnicodeCharset.useUnlessConfigured(configured);
    assertEquals(Map.of(key, "ISO-8859-1"), configured);
  }
}
