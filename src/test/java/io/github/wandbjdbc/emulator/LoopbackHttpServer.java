package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Creates the JDK HTTP servers of the tests, on 127.0.0.1, with TCP_NODELAY. The JDK server flushes
 * a response's headers before its body; with Nagle's algorithm on, the body then waits for the
 * client's delayed ACK of the headers, adding about 40 ms to every request on Linux. The server
 * reads its {@code sun.net.httpserver.nodelay} setting once, when the first server of the JVM is
 * created, so every test server is created here.
 */
public final class LoopbackHttpServer {
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  private LoopbackHttpServer() {}

  /** An unstarted server on 127.0.0.1; port 0 picks a free one. */
  public static HttpServer create(int port) throws IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
  }
}
