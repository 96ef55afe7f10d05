package io.github.wandbjdbc.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Our driver extends Calcite's, whose class initializer registers {@code jdbc:calcite:} with {@link
 * DriverManager}. That driver accepts {@code model} and {@code schemaFactory} URLs, which would let
 * any URL load classes in an application that only meant to add the W&B driver; so it is withdrawn
 * again. Applications that want Calcite's driver can still register it themselves.
 */
final class CalciteDriverRegistration {
  private CalciteDriverRegistration() {}

  static void withdraw() {
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass() == org.apache.calcite.jdbc.Driver.class) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException | SecurityException e) {
          throw new IllegalStateException("cannot withdraw Calcite's jdbc:calcite: driver", e);
        }
      }
    }
  }
}
