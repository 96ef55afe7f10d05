package io.github.wandbjdbc.jdbc;

import org.junit.jupiter.api.extension.Extension;

/**
 * Loads the driver before any test runs, as an application does before its first query. The driver
 * sets Calcite's JVM-wide settings (UTF-8 for SQL text, the compiled-code cache) while it loads,
 * and Calcite reads them once, when first used; without this, whichever test first touched Calcite
 * directly (a translator unit test, say) would fix them for the rest of the run.
 *
 * <p>Registered for every test class through {@code META-INF/services} and {@code
 * junit.jupiter.extensions.autodetection.enabled} in {@code junit-platform.properties}.
 */
public final class DriverLoadedFirst implements Extension {
  static {
    try {
      Class.forName(WandbDriver.class.getName());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
