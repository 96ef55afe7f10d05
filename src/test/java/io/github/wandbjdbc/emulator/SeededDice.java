package io.github.wandbjdbc.emulator;

import java.util.List;
import java.util.Random;

/**
 * The generator's randomness: {@link Random} (its algorithm is specified, so a seed gives the same
 * numbers on every JVM) plus the few draws the generator needs. One instance per run, seeded from
 * the dataset seed and the run's position, so a run's content does not depend on other runs.
 */
final class SeededDice {
  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";
  private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

  private final Random random;

  SeededDice(long seed) {
    this.random = new Random(seed);
  }

  /** A seed for one stream derived from the dataset seed and a position (SplitMix64 finalizer). */
  static long derive(long seed, long... position) {
    long z = seed;
    for (long p : position) {
      z = mix(z + 0x9E3779B97F4A7C15L * (p + 1));
    }
    return z;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Uniform in [0, bound). */
  int below(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in [lo, hi). */
  double between(double lo, double hi) {
    return lo + random.nextDouble() * (hi - lo);
  }

  double gaussian() {
    return random.nextGaussian();
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  String alphanumeric(int length) {
    return draw(ALPHANUMERIC, length);
  }

  String hex(int length) {
    return draw(HEX, length);
  }

  private String draw(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** Rounds to a number of decimals, so generated values read like logged ones. */
  static double round(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return value;
    }
    double scale = POWERS_OF_TEN[decimals];
    return Math.round(value * scale) / scale;
  }
}
