package io.github.wandbjdbc.packaging;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shaded driver jar that {@code mvn package} built; failsafe passes its path. */
final class DriverJar {
  static final String PATH_PROPERTY = "wandb.driverJar";

  private DriverJar() {}

  static Path path() {
    String path = System.getProperty(PATH_PROPERTY);
    if (path == null) {
      throw new IllegalStateException(
          "system property "
              + PATH_PROPERTY
              + " is not set; run the *IT tests through `mvn verify` (maven-failsafe-plugin)");
    }
    Path jar = Path.of(path);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no driver jar at " + jar + "; did `mvn package` run?");
    }
    return jar;
  }
}
