package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/lib/cds.sh, the class-data-sharing launcher of bin/wandb-sql, on the built jar: the first run
 * writes the archive into the cache directory, later runs use it, a truncated one is remade, and
 * stdout is the program's alone.
 */
class ClassDataArchiveIT {
  @TempDir Path home;

  private String launch() throws IOException, InterruptedException {
    Path out = home.resolve("stdout");
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                "-c",
                "set -euo pipefail; source bin/lib/cds.sh;"
                    + " java_with_class_archive io.github.wandbjdbc.cli.WandbSql --help")
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
    builder.environment().put("CLASSPATH", DriverJar.path().toString());
    builder.environment().remove("WANDB_JDBC_CDS");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher still runs after 120 s");
    }
    assertEquals(0, process.exitValue());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(home.resolve("cache/wandb-jdbc/cds"))) {
      return files.filter(f -> f.toString().endsWith(".jsa")).toList();
    }
  }

  @Test
  void theFirstRunWritesTheArchiveAndADamagedOneIsRemade() throws Exception {
    String usage = launch();
    assertTrue(usage.startsWith("usage: java -jar"), usage);
    List<Path> written = archives();
    assertEquals(1, written.size());
    Path archive = written.get(0);

    assertEquals(usage, launch(), "the run that maps the archive prints the same");
    assertEquals(List.of(archive), archives());

    byte[] head = Files.readAllBytes(archive);
    Files.delete(archive);
    Files.write(archive, Arrays.copyOf(head, 4096));
    assertEquals(usage, launch(), "a truncated archive, which would crash the JVM, is not used");
    assertEquals(List.of(archive), archives());
    assertTrue(Files.size(archive) > 4096, "and is written again whole");
  }
}
