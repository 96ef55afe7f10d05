package io.github.wandbjdbc.calcite.runs;

/**
 * Cost figures for the W&B operators. Only their ratios matter: each pushed operator must look
 * cheaper than Calcite doing the same work over a wider W&B answer, so Volcano settles on the
 * pushed plan quickly.
 */
final class RunsCosts {
  /** A guess at a project's size for the planner; nothing depends on it being right. */
  static final double RUNS_PER_PROJECT = 1000;

  static final double PROJECT_FACTOR = 0.1;
  static final double FILTER_FACTOR = 0.1;
  static final double LIMIT_FACTOR = 0.05;
  static final double COUNT_FACTOR = 0.01;
  static final double CONVERTER_FACTOR = 0.1;

  /** Of the runs an ordered read could hand over, the share a LIMIT above lets it read. */
  static final double ORDERED_READ_FACTOR = 0.01;

  private RunsCosts() {}
}
