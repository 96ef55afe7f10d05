package io.github.wandbjdbc.client.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.WandbException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Range reads of signed file URLs against a loopback server that scripts its answers. */
class FileDownloadsTest {
  private static final byte[] FILE = new byte[1000];

  static {
    for (int i = 0; i < FILE.length; i++) {
      FILE[i] = (byte) i;
    }
  }

  /** What the server does with the next request; when none is scripted, it answers the range. */
  enum Answer {
    RANGE,
    WHOLE_FILE,
    SERVER_ERROR,
    FORBIDDEN,
    SHORT_BODY
  }

  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    url =
        "http://127.0.0.1:"
            + server.getAddress().getPort()
            + "/exports/run1/0.parquet?X-Signature=s3cr3t-signature";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    ranges.add(range);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      authorizations.add(authorization);
    }
    Answer answer = script.isEmpty() ? Answer.RANGE : script.pollFirst();
    switch (answer) {
      case SERVER_ERROR -> send(exchange, 503, new byte[0], null);
      case FORBIDDEN -> send(exchange, 403, "<Error>Request has expired</Error>".getBytes(), null);
      case WHOLE_FILE -> send(exchange, 200, FILE, null);
      default -> {
        long[] span = span(range);
        byte[] body = Arrays.copyOfRange(FILE, (int) span[0], (int) span[1] + 1);
        if (answer == Answer.SHORT_BODY) {
          body = Arrays.copyOf(body, body.length / 2);
        }
        send(exchange, 206, body, "bytes " + span[0] + "-" + span[1] + "/" + FILE.length);
      }
    }
  }

  private static long[] span(String range) {
    String spec = range.substring("bytes=".length());
    if (spec.startsWith("-")) {
      long length = Math.min(FILE.length, Long.parseLong(spec.substring(1)));
      return new long[] {FILE.length - length, FILE.length - 1};
    }
    String[] parts = spec.split("-");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }

  private static void send(HttpExchange exchange, int status, byte[] body, String contentRange)
      throws IOException {
    if (contentRange != null) {
      exchange.getResponseHeaders().add("Content-Range", contentRange);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static FileDownloads downloads(int maxRetries) {
    return new FileDownloads(
        new ClientSettings(
            "http://127.0.0.1:1",
            "the-api-key-0123456789",
            Duration.ofSeconds(5),
            maxRetries,
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            false));
  }

  @Test
  void aTailTellsTheFileLengthAndCarriesNoCredentials() {
    FileDownloads.Tail tail = downloads(8).tail(url, 300, new Cancellation());
    assertEquals(FILE.length, tail.fileLength());
    assertArrayEquals(Arrays.copyOfRange(FILE, 700, 1000), tail.bytes());
    assertEquals(List.of("bytes=-300"), ranges);
    assertTrue(authorizations.isEmpty(), "no Authorization header goes to a file URL");
  }

  @Test
  void aTailLongerThanTheFileIsTheWholeFile() {
    FileDownloads.Tail tail = downloads(8).tail(url, 5000, new Cancellation());
    assertEquals(FILE.length, tail.fileLength());
    assertArrayEquals(FILE, tail.bytes());
  }

  @Test
  void aRangeIsReadExactly() {
    assertArrayEquals(
        Arrays.copyOfRange(FILE, 100, 150), downloads(8).read(url, 100, 50, new Cancellation()));
    assertEquals(List.of("bytes=100-149"), ranges);
  }

  @Test
  void aServerThatIgnoresRangesIsAnsweredFromTheWholeFile() {
    script.add(Answer.WHOLE_FILE);
    script.add(Answer.WHOLE_FILE);
    assertArrayEquals(
        Arrays.copyOfRange(FILE, 10, 20), downloads(8).read(url, 10, 10, new Cancellation()));
    FileDownloads.Tail tail = downloads(8).tail(url, 10, new Cancellation());
    assertArrayEquals(Arrays.copyOfRange(FILE, 990, 1000), tail.bytes());
  }

  @Test
  void serverErrorsAndShortBodiesAreRetried() {
    script.add(Answer.SERVER_ERROR);
    script.add(Answer.SHORT_BODY);
    assertArrayEquals(
        Arrays.copyOfRange(FILE, 0, 64), downloads(8).read(url, 0, 64, new Cancellation()));
    assertEquals(3, ranges.size());
  }

  @Test
  void retriesAreFewAndTheFailureHidesTheSignature() {
    for (int i = 0; i < 10; i++) {
      script.add(Answer.SERVER_ERROR);
    }
    WandbException e =
        assertThrows(WandbException.class, () -> downloads(8).read(url, 0, 8, new Cancellation()));
    assertEquals(FileDownloads.MAX_RETRIES + 1, ranges.size());
    assertTrue(e.getMessage().contains("/exports/run1/0.parquet"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void aRefusedUrlFailsAtOnceForTheCallerToAskAgain() {
    script.add(Answer.FORBIDDEN);
    FileDownloads.FileRefusedException e =
        assertThrows(
            FileDownloads.FileRefusedException.class,
            () -> downloads(8).tail(url, 100, new Cancellation()));
    assertEquals(403, e.httpStatus());
    assertEquals(1, ranges.size());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }
}
