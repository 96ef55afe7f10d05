package io.github.wandbjdbc.client.histories;

import java.util.List;

/**
 * What W&B has exported of a run's history: the signed URLs of its parquet files (in no particular
 * order) and {@code liveFrom}, the smallest step not yet exported (null when every step is). Steps
 * from {@code liveFrom} on are read live; a file may hold that step too, and the live row wins.
 */
record RunExport(String run, List<String> files, Long liveFrom) {
  RunExport {
    files = List.copyOf(files);
  }

  /** Whether the run has files to read; without any, everything is read live. */
  boolean exported() {
    return !files.isEmpty();
  }
}
