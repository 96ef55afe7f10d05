package io.github.wandbjdbc.tools;

/** Row count and an order-independent hash of (run, step, loss) rows. */
final class RowChecksum {
  private long rows;
  private long sum;

  void add(String run, long step, Double loss) {
    rows++;
    long hash = run.hashCode() * 1_000_003L + Long.hashCode(step * 0x9E3779B97F4A7C15L);
    hash = hash * 31 + (loss == null ? 7 : Double.hashCode(loss));
    sum += hash * 0xC2B2AE3D27D4EB4FL;
  }

  long rows() {
    return rows;
  }

  long sum() {
    return sum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowChecksum c && c.rows == rows && c.sum == sum;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sum);
  }

  @Override
  public String toString() {
    return rows + " rows, checksum " + sum;
  }
}
