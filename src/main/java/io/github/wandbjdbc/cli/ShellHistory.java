package io.github.wandbjdbc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The shell's history file: the driver's own, under {@code $XDG_STATE_HOME/wandb-jdbc} (else {@code
 * ~/.local/state/wandb-jdbc}), readable by its owner only, since statements can name private
 * projects. Not sqlline's shared {@code ~/.sqlline/history}.
 */
final class ShellHistory {
  private ShellHistory() {}

  /** $HOME as the shell has it (Java's user.home is the password file's), else user.home. */
  static Path file(Map<String, String> env) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    String state = env.get("XDG_STATE_HOME");
    Path dir =
        state == null || state.isBlank()
            ? Path.of(home, ".local/state/wandb-jdbc")
            : Path.of(state, "wandb-jdbc");
    return dir.resolve("sqlline_history");
  }

  /** Creates the file, mode 0600, when missing, so that jline never creates it world-readable. */
  static Path create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (Files.notExists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return file;
  }
}
