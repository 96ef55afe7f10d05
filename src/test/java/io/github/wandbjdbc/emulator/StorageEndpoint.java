package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file storage server's one handler, answering as cloud storage does: no API key, a signed and
 * unexpired URL (else 403), HEAD and GET with single byte ranges (206, or 416). Every request is
 * counted and recorded, then passes the knobs in this order: latency, the next scripted file fault,
 * the method, the signature and expiry, the file, the range.
 */
final class StorageEndpoint implements HttpHandler {
  private static final Pattern FILE =
      Pattern.compile(
          Pattern.quote(ExportCatalog.PATH_PREFIX)
              + "([^/]+)/([^/]+)/([^/]+)/g(\\d{1,9})/(\\d{1,9})\\.parquet");

  private final ExportCatalog catalog;
  private final UrlSigner signer;
  private final long latencyMs;
  private final FileStats stats;
  private final FileFaultPlan faults;
  private final LongSupplier clock;

  StorageEndpoint(
      ExportCatalog catalog,
      UrlSigner signer,
      long latencyMs,
      FileStats stats,
      FileFaultPlan faults,
      LongSupplier clock) {
    this.catalog = catalog;
    this.signer = signer;
    this.latencyMs = latencyMs;
    this.stats = stats;
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestMethod();
    String range = exchange.getRequestHeaders().getFirst("Range");
    sleep(latencyMs);
    HttpAnswer answer = answer(exchange, method, range);
    if (method.equals("HEAD")) {
      // No body, but the length a GET would send.
      answer =
          new HttpAnswer(answer.status(), answer.headers(), new byte[0], false)
              .withHeader("Content-Length", Integer.toString(answer.body().length));
    }
    stats.count(
        new FileRequest(
            method,
            exchange.getRequestURI().getRawPath(),
            range,
            answer.status(),
            answer.bodyBytesSent(),
            exchange.getRequestHeaders().containsKey("Authorization")));
    HttpWriter.write(exchange, answer);
  }

  private HttpAnswer answer(HttpExchange exchange, String method, String range) {
    FileFault fault = faults.next();
    if (fault instanceof FileFault.Status status) {
      return StorageErrors.forStatus(status.code());
    }
    if (fault instanceof FileFault.ExpiredUrl) {
      return StorageErrors.expired();
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return StorageErrors.forStatus(405).withHeader("Allow", "GET, HEAD");
    }
    String path = exchange.getRequestURI().getRawPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String expires = query.get("X-Expires");
    String signature = query.get("X-Signature");
    if (expires == null || signature == null || !expires.matches("\\d{1,18}")) {
      return StorageErrors.forStatus(403);
    }
    if (!signer.verify(path, Long.parseLong(expires), signature)) {
      return StorageErrors.signatureMismatch();
    }
    if (clock.getAsLong() > Long.parseLong(expires)) {
      return StorageErrors.expired();
    }
    Optional<byte[]> file = file(path);
    if (file.isEmpty()) {
      return StorageErrors.forStatus(404);
    }
    HttpAnswer answer = content(file.get(), range);
    return fault instanceof FileFault.Truncated ? answer.withCutMidway() : answer;
  }

  private Optional<byte[]> file(String rawPath) {
    Matcher matcher = FILE.matcher(rawPath);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    ExportCatalog.RunKey key =
        new ExportCatalog.RunKey(
            decode(matcher.group(1)), decode(matcher.group(2)), decode(matcher.group(3)));
    int index = Integer.parseInt(matcher.group(5));
    return catalog
        .export(key, Integer.parseInt(matcher.group(4)))
        .filter(export -> index < export.fileCount())
        .map(export -> export.file(index));
  }

  private static HttpAnswer content(byte[] file, String rangeHeader) {
    Optional<ByteRange> range = ByteRange.parse(rangeHeader, file.length);
    if (range.isEmpty()) {
      return fileAnswer(200, file);
    }
    if (!range.get().satisfiable()) {
      return StorageErrors.forStatus(416).withHeader("Content-Range", "bytes */" + file.length);
    }
    ByteRange r = range.get();
    return fileAnswer(206, Arrays.copyOfRange(file, (int) r.first(), (int) r.last() + 1))
        .withHeader("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + file.length);
  }

  private static HttpAnswer fileAnswer(int status, byte[] body) {
    return new HttpAnswer(
        status,
        Map.of("Content-Type", "application/vnd.apache.parquet", "Accept-Ranges", "bytes"),
        body,
        false);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void sleep(long millis) {
    if (millis == 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
