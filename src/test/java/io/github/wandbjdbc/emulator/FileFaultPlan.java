package io.github.wandbjdbc.emulator;

import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A queue of file faults; each file request (HEAD or GET) takes the next one, if any. */
public final class FileFaultPlan {
  private final Queue<FileFault> queue = new ConcurrentLinkedQueue<>();

  /** Appends faults, applied to the next file requests in this order. */
  public void enqueue(FileFault... faults) {
    queue.addAll(List.of(faults));
  }

  /** The next {@code n} file requests (after those already scripted) fail with {@code fault}. */
  public void failNext(int n, FileFault fault) {
    queue.addAll(Collections.nCopies(n, fault));
  }

  public void clear() {
    queue.clear();
  }

  /** The fault for the current request, or null when the plan is exhausted. */
  FileFault next() {
    return queue.poll();
  }
}
