package io.github.wandbjdbc.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of DESIGN.md §2 that imports can break: the client's facade, records and errors
 * are its contract, so nothing outside {@code client} imports its sub-packages; the adapter builds
 * no W&B request of its own; and the driver leaves Calcite's JVM-wide hooks alone.
 */
class PackageBoundariesTest {
  private static final Path MAIN = Path.of("src/main/java/io/github/wandbjdbc");
  private static final Pattern CLIENT_INTERNALS =
      Pattern.compile(
          "^import (?:static )?io\\.github\\.wandbjdbc\\.client\\.[a-z]\\w*\\.", Pattern.MULTILINE);

  @Test
  void nothingOutsideTheClientImportsItsSubPackages() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : sources()) {
      if (file.startsWith(MAIN.resolve("client"))) {
        continue;
      }
      Matcher imports = CLIENT_INTERNALS.matcher(Files.readString(file));
      while (imports.find()) {
        offenders.add(MAIN.relativize(file) + ": " + imports.group());
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theRunsAdapterBuildsNoWandbRequestOfItsOwn() throws IOException {
    Pattern requestText = Pattern.compile("\\$(gte|lte|gt|lt|nor|exists)\\b|\"count\\d|runCounts");
    List<String> offenders = new ArrayList<>();
    for (Path file : sources()) {
      if (file.startsWith(MAIN.resolve("calcite/runs"))
          && requestText.matcher(Files.readString(file)).find()) {
        offenders.add(MAIN.relativize(file).toString());
      }
    }
    assertEquals(List.of(), offenders);
  }

  /** A Calcite hook is JVM-wide: one installed here would reach every Calcite user in the JVM. */
  @Test
  void theDriverInstallsNoCalciteHook() throws IOException {
    Pattern install = Pattern.compile("Hook\\.[A-Z_]+\\.add");
    List<String> offenders = new ArrayList<>();
    for (Path file : sources()) {
      if (install.matcher(Files.readString(file)).find()) {
        offenders.add(MAIN.relativize(file).toString());
      }
    }
    assertEquals(List.of(), offenders);
  }

  /** The translator is pure: Calcite's Rex types and Jackson in, filter documents out. */
  @Test
  void theFilterTranslatorKnowsNoClient() throws IOException {
    assertEquals(List.of(), importsIn("calcite/filter", "import io\\.github\\.wandbjdbc\\.client"));
  }

  /**
   * The PostgreSQL endpoint is a JDBC client of the driver: java.sql, nothing of ours beyond it.
   */
  @Test
  void thePostgresEndpointUsesTheDriverThroughJavaSqlOnly() throws IOException {
    assertEquals(
        List.of(), importsIn("pgwire", "import (static )?io\\.github\\.wandbjdbc\\.(?!pgwire\\.)"));
  }

  /**
   * The MCP server is a JDBC client of the driver too: java.sql and the MCP SDK, and of ours only
   * the statement-cost interface that statements unwrap to.
   */
  @Test
  void theMcpServerUsesTheDriverThroughJavaSqlOnly() throws IOException {
    assertEquals(
        List.of(),
        importsIn(
            "mcp", "import (static )?io\\.github\\.wandbjdbc\\.(?!mcp\\.|jdbc\\.StatementCost;)"));
  }

  /** The import lines below {@code folder} that match {@code pattern}, each with its file. */
  /**
   * The Spark connector is a JDBC client of the driver: java.*, Spark, and of ours only the driver
   * class itself (a connection without DriverManager, which Spark's class loaders hide).
   */
  @Test
  void theSparkConnectorUsesSparkJavaSqlAndTheDriverClassOnly() throws IOException {
    assertEquals(
        List.of(),
        importsIn(
            "spark",
            "import (static )?(?!java\\.|org\\.apache\\.spark\\.|scala\\."
                + "|io\\.github\\.wandbjdbc\\.spark\\."
                + "|io\\.github\\.wandbjdbc\\.jdbc\\.WandbDriver;)"));
  }

  private static List<String> importsIn(String folder, String pattern) throws IOException {
    Pattern imports = Pattern.compile("^" + pattern + ".*$", Pattern.MULTILINE);
    List<String> found = new ArrayList<>();
    for (Path file : sources()) {
      if (file.startsWith(MAIN.resolve(folder))) {
        Matcher matcher = imports.matcher(Files.readString(file));
        while (matcher.find()) {
          found.add(MAIN.relativize(file) + ": " + matcher.group());
        }
      }
    }
    return found;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
