package io.github.wandbjdbc.emulator;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A queue of faults; each {@code /graphql} request takes the next one, if any. */
public final class FaultPlan {
  private final Queue<Fault> queue = new ConcurrentLinkedQueue<>();

  /** Appends faults, applied to the next requests in this order. */
  public void enqueue(Fault... faults) {
    queue.addAll(List.of(faults));
  }

  public void clear() {
    queue.clear();
  }

  /** The fault for the current request, or null when the plan is exhausted. */
  Fault next() {
    return queue.poll();
  }
}
