package io.github.wandbjdbc.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The three requests the official client sends to a signed export URL, one at a time: {@code HEAD}
 * for the length, a {@code GET} of one byte range, a {@code GET} of the whole file. No credentials,
 * as the URL carries its own signature; any status but 200/206 fails.
 */
final class SignedUrlRequests {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  long length(String url) {
    HttpResponse<Void> response =
        send(
            HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding());
    return response.headers().firstValueAsLong("Content-Length").orElseThrow();
  }

  /** Bytes {@code from} to {@code from + count} (exclusive). */
  byte[] range(String url, long from, long count) {
    byte[] bytes =
        send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Range", "bytes=" + from + "-" + (from + count - 1)),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    if (bytes.length != count) {
      throw new IllegalStateException(bytes.length + " bytes answered, " + count + " asked");
    }
    return bytes;
  }

  byte[] whole(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)), HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      HttpResponse<T> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
      if (response.statusCode() != 200 && response.statusCode() != 206) {
        throw new IllegalStateException("HTTP " + response.statusCode() + " from the file host");
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
