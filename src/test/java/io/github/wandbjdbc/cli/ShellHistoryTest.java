package io.github.wandbjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellHistoryTest {
  @Test
  void theHistoryIsTheDriversOwnFileUnderTheStateDirectory() {
    assertEquals(
        Path.of("/h/.local/state/wandb-jdbc/sqlline_history"),
        ShellHistory.file(Map.of("HOME", "/h")));
    assertEquals(
        Path.of("/s/wandb-jdbc/sqlline_history"),
        ShellHistory.file(Map.of("HOME", "/h", "XDG_STATE_HOME", "/s")));
  }

  @Test
  void theFileIsCreatedReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = ShellHistory.create(ShellHistory.file(Map.of("HOME", dir.toString())));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
