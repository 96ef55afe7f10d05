package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client program (psql, python3, node, isql) to its end, at most 120 s. A missing program
 * fails the test: bin/run-tests installs every one.
 */
public record ExternalClient(int exit, String out, String err) {
  public static ExternalClient run(Path dir, Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    assertTrue(
        Files.isExecutable(Path.of(command.get(0))),
        command.get(0)
            + " is missing; bin/run-tests installs it (see its list of Debian packages)");
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command.get(0) + " still runs after 120 s");
    }
    return new ExternalClient(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
