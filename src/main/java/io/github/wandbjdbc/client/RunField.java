package io.github.wandbjdbc.client;

/**
 * The heavy run fields, fetched only when asked for (the official client's "lazy" listing). The
 * light fields (names, state, tags, times, ...) always come.
 */
public enum RunField {
  CONFIG,
  SUMMARY_METRICS,
  SYSTEM_METRICS,
  HISTORY_KEYS
}
