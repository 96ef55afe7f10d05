package io.github.wandbjdbc.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Counters of file storage traffic, apart from the GraphQL ones. Thread-safe. */
public final class FileStats {
  private long requests;
  private long bytesSent;
  private long authorizedRequests;
  private final Deque<FileRequest> recorded = new ArrayDeque<>();

  /** HEAD and GET requests (and any other method), rejected ones included. */
  public synchronized long requests() {
    return requests;
  }

  /** Body bytes actually sent. */
  public synchronized long bytesSent() {
    return bytesSent;
  }

  /** Requests that carried an {@code Authorization} header. */
  public synchronized long authorizedRequests() {
    return authorizedRequests;
  }

  /** The last {@value EmulatorStats#RECORDED_LIMIT} file requests, oldest first. */
  public synchronized List<FileRequest> recorded() {
    return List.copyOf(new ArrayList<>(recorded));
  }

  public synchronized void reset() {
    requests = 0;
    bytesSent = 0;
    authorizedRequests = 0;
    recorded.clear();
  }

  synchronized void count(FileRequest request) {
    requests++;
    bytesSent += request.bytes();
    if (request.authorization()) {
      authorizedRequests++;
    }
    if (recorded.size() == EmulatorStats.RECORDED_LIMIT) {
      recorded.removeFirst();
    }
    recorded.addLast(request);
  }

  synchronized Map<String, Object> toJson() {
    return Map.of(
        "requests", requests, "bytesSent", bytesSent, "authorizedRequests", authorizedRequests);
  }
}
