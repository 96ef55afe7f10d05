package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CompiledCodeCacheTest {
  @Test
  void theDriverSetsTheCacheSizeOnlyWhenTheUserHasNot() {
    Properties unset = new Properties();
    CompiledCodeCache.enableUnlessConfigured(unset);
    assertEquals("256", unset.getProperty("calcite.bindable.cache.maxSize"));
    Properties turnedOff = new Properties();
    turnedOff.setProperty("calcite.bindable.cache.maxSize", "0");
    CompiledCodeCache.enableUnlessConfigured(turnedOff);
    assertEquals("0", turnedOff.getProperty("calcite.bindable.cache.maxSize"));
  }
}
