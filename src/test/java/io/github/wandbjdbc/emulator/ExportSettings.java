package io.github.wandbjdbc.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of parquet history exports.
 *
 * @param mode which runs are exported
 * @param fileLatencyMs delay added to every request to the file storage server
 * @param fileUrlTtlMs how long a signed file URL stays valid after {@code parquetHistory} made it
 * @param stepAsDouble writes {@code _step} as DOUBLE instead of INT64 (W&B's files hold either)
 */
public record ExportSettings(
    ExportMode mode, long fileLatencyMs, long fileUrlTtlMs, boolean stepAsDouble) {
  static final long DEFAULT_URL_TTL_MS = Duration.ofMinutes(15).toMillis();

  public ExportSettings {
    Objects.requireNonNull(mode, "mode is null");
    if (fileLatencyMs < 0) {
      throw new IllegalArgumentException("fileLatencyMs must not be negative: " + fileLatencyMs);
    }
    if (fileUrlTtlMs < 0) {
      throw new IllegalArgumentException("fileUrlTtlMs must not be negative: " + fileUrlTtlMs);
    }
  }

  /** No exports, so every test of the live path sees W&B's "nothing exported" answer. */
  public static ExportSettings defaults() {
    return new ExportSettings(ExportMode.NONE, 0, DEFAULT_URL_TTL_MS, false);
  }

  ExportSettings withMode(ExportMode mode) {
    return new ExportSettings(mode, fileLatencyMs, fileUrlTtlMs, stepAsDouble);
  }

  ExportSettings withFileLatencyMs(long fileLatencyMs) {
    return new ExportSettings(mode, fileLatencyMs, fileUrlTtlMs, stepAsDouble);
  }

  ExportSettings withFileUrlTtlMs(long fileUrlTtlMs) {
    return new ExportSettings(mode, fileLatencyMs, fileUrlTtlMs, stepAsDouble);
  }

  ExportSettings withStepAsDouble(boolean stepAsDouble) {
    return new ExportSettings(mode, fileLatencyMs, fileUrlTtlMs, stepAsDouble);
  }
}
