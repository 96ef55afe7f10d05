package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The second loopback server, standing in for the cloud storage host that W&B's signed export URLs
 * point to: its own port, no GraphQL rate limit. Bound when made, so its URL is known before the
 * GraphQL side that hands out URLs exists; serving starts with {@link #start}.
 */
final class FileStorageServer implements AutoCloseable {
  /**
   * Cloud storage serves a client's parallel range reads without queueing them: enough threads that
   * a reader's requests in flight each wait out the file latency at once, not in turn.
   */
  private static final int THREADS = 64;

  private final HttpServer server;
  private final ExecutorService executor;

  FileStorageServer() throws IOException {
    this.server = LoopbackHttpServer.create(0);
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "wandb-storage-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void start(HttpHandler files) {
    server.createContext("/", files);
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
