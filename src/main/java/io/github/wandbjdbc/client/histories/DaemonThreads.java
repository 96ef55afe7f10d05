package io.github.wandbjdbc.client.histories;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of a scan's pools: daemons, so that a scan its reader never closes cannot keep the JVM
 * alive, and named after what they do, for thread dumps.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads named {@code prefix1}, {@code prefix2}, ... */
  static ThreadFactory named(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
