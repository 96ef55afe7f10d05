package io.github.wandbjdbc.client;

import java.nio.file.Path;

/**
 * Where a {@link WandbClient} keeps finished runs' history rows on disk, and at most how many
 * bytes: {@link #OFF}, or a directory (created when missing; the files go in a sub-directory per
 * file format version).
 */
public record HistoryCacheSettings(Path directory, long maxBytes) {
  /** No cache: every read goes to W&B. */
  public static final HistoryCacheSettings OFF = new HistoryCacheSettings(null, 0);

  public HistoryCacheSettings {
    if (directory != null && maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
    }
  }

  public boolean enabled() {
    return directory != null;
  }
}
