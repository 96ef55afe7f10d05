package io.github.wandbjdbc.jdbc;

import java.util.Properties;

/**
 * Turns on Calcite's cache of compiled query code. Calcite compiles every statement's plan to Java
 * with Janino, which costs more than planning it; with the cache, a statement whose generated code
 * was compiled before reuses the class. DBeaver and BI tools send literal SQL and repeat it (grid
 * refreshes, dashboards), and the W&B request travels as a parameter of that code ({@code
 * RunsToEnumerableConverter}), so queries differing only in pushed literals share it.
 *
 * <p>Calcite reads the setting, a system property, once: when its {@code CalciteSystemProperty}
 * class initialises, which loading this driver does not do. So the driver sets it while its class
 * initialises, unless the user has set it (to 0, say, to turn the cache off). If the JVM used
 * Calcite before loading the driver, Calcite keeps whatever it read then.
 */
final class CompiledCodeCache {
  static final String PROPERTY = "calcite.bindable.cache.maxSize";

  /** Compiled plans kept per JVM; each is a small class, and W&B queries have few shapes. */
  static final int DEFAULT_SIZE = 256;

  private CompiledCodeCache() {}

  static void enableUnlessConfigured() {
    try {
      enableUnlessConfigured(System.getProperties());
    } catch (SecurityException e) {
      // A security manager forbids it: Calcite compiles every statement, as it does by default.
    }
  }

  static void enableUnlessConfigured(Properties systemProperties) {
    if (systemProperties.getProperty(PROPERTY) == null) {
      systemProperties.setProperty(PROPERTY, String.valueOf(DEFAULT_SIZE));
    }
  }
}
