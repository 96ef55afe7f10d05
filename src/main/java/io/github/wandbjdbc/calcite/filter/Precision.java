package io.github.wandbjdbc.calcite.filter;

/**
 * How closely a pushed filter follows the SQL predicate it was translated from, in terms of the
 * rows where the predicate is TRUE, FALSE or UNKNOWN (SQL's three-valued logic).
 */
enum Precision {
  /** Matches exactly the TRUE rows; the predicate can be dropped from Calcite's remainder. */
  EXACT,
  /**
   * Matches every TRUE row and no FALSE row, but maybe UNKNOWN ones (a {@code $ne} matching a
   * missing key, an equality matching an array element of a discovered column), or is exact only
   * under unverified W&B semantics (a regex). Its {@code $nor} is still a superset of the negated
   * predicate; the predicate stays in the remainder.
   */
  NEGATABLE,
  /** Matches every TRUE row and maybe FALSE ones (a widened bound); never negated. */
  SUPERSET;

  /** The weaker of two precisions, for a combination of both filters. */
  Precision weaker(Precision other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** EXACT for a field W&B holds exactly as SQL sees it, else NEGATABLE. */
  static Precision exactIf(boolean scalarExact) {
    return scalarExact ? EXACT : NEGATABLE;
  }
}
