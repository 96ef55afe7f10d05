package io.github.wandbjdbc.client;

import io.github.wandbjdbc.client.transport.GraphQlTransport;

/** Test access to the shared OkHttp dispatcher, for tests outside this package. */
public final class HttpCalls {
  private HttpCalls() {}

  /** W&B requests in flight right now, over all clients of this JVM. */
  public static int running() {
    return GraphQlTransport.runningCalls();
  }
}
