package io.github.wandbjdbc.emulator;

import java.util.Locale;

/** Which run histories {@code parquetHistory} reports as exported parquet files. */
public enum ExportMode {
  /** Runs in a terminal state (anything but running and pending) are exported whole. */
  FINISHED,
  /** As {@link #FINISHED}, and running runs with rows are exported up to a boundary step. */
  PARTIAL,
  /**
   * As {@link #FINISHED}, but a terminal run's files hold only its first rows and {@code liveData}
   * is empty: an export made before the run was resumed and logged more. A client must not take it
   * for the whole history.
   */
  STALE,
  /** Nothing is exported: every client reads every row live. */
  NONE;

  /**
   * @throws IllegalArgumentException for anything but finished, partial, stale or none
   */
  static ExportMode parse(String text) {
    for (ExportMode mode : values()) {
      if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "--parquet-exports needs finished, partial, stale or none, got \"" + text + "\"");
  }
}
