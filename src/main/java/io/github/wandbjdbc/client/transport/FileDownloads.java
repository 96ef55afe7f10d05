package io.github.wandbjdbc.client.transport;

import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.WandbException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Byte ranges of files at signed URLs on a storage host (W&B's parquet history exports).
 *
 * <p>A signed URL is its own credential, for another host: no API key and no {@code Authorization}
 * header goes with these requests, and logs and messages show only the URL's host and path (its
 * query holds the signature). Retryable statuses, connection failures and short bodies are retried
 * with the client's backoff, at most {@link #MAX_RETRIES} times: the caller falls back to W&B's
 * live API, so waiting minutes on a storage host gains nothing. A refused URL (401, 403, 404, 410:
 * expired, revoked or gone) fails at once with {@link FileRefusedException}, so that the caller can
 * ask W&B for fresh URLs.
 */
public final class FileDownloads {
  static final int MAX_RETRIES = 3;

  private static final Logger LOG = Logger.getLogger("io.github.wandbjdbc.client");
  private static final String OPERATION = "parquet export download";

  private final OkHttpClient http;
  private final RetryPolicy retryPolicy;
  private final boolean logRequests;

  public FileDownloads(ClientSettings settings) {
    Duration timeout = settings.timeout();
    this.http =
        GraphQlEndpoint.SHARED
            .newBuilder()
            .callTimeout(timeout)
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .build();
    RetryPolicy policy = RetryPolicy.of(settings);
    this.retryPolicy =
        new RetryPolicy(
            Math.min(MAX_RETRIES, policy.maxRetries()),
            policy.initialBackoff(),
            policy.maxBackoff());
    this.logRequests = settings.logRequests();
  }

  /** The last {@code length} bytes of a file (all of it when shorter) and its whole length. */
  public record Tail(long fileLength, byte[] bytes) {}

  /** A file's URL was refused: expired, revoked or gone. Asking W&B again gives a fresh one. */
  public static final class FileRefusedException extends WandbException {
    private static final long serialVersionUID = 1L;

    FileRefusedException(String message, int status) {
      super(message, OPERATION, status);
    }
  }

  /** The last {@code length} bytes of the file at {@code url}, with the file's length. */
  public Tail tail(String url, int length, Cancellation scope) {
    return download(url, "bytes=-" + length, -1, length, scope);
  }

  /** The whole file at {@code url}, in one request. */
  public byte[] whole(String url, Cancellation scope) {
    return download(url, null, 0, -1, scope).bytes();
  }

  /** Bytes {@code from} to {@code from + length} (exclusive) of the file at {@code url}. */
  public byte[] read(String url, long from, int length, Cancellation scope) {
    if (length == 0) {
      return new byte[0];
    }
    return download(url, "bytes=" + from + "-" + (from + length - 1), from, length, scope).bytes();
  }

  /**
   * One range, retried as the policy allows; {@code from} is -1 for a suffix of {@code length}
   * bytes, and {@code range} null (with {@code length} -1) for the whole file. A server that
   * ignores the range and sends the whole file is answered from it.
   */
  private Tail download(String url, String range, long from, int length, Cancellation scope) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new WandbException(
          "W&B gave an export file URL that is not an http(s) URL.", OPERATION, 0);
    }
    String shown = parsed.scheme() + "://" + parsed.host() + parsed.encodedPath();
    String asked = range == null ? "whole file" : range;
    for (int attempt = 1; ; attempt++) {
      if (scope.isCancelled()) {
        throw new WandbException("Download of " + shown + " was cancelled.", OPERATION, 0);
      }
      long start = System.nanoTime();
      String failure;
      int status = 0;
      scope.budget().spend(OPERATION);
      try {
        Answered answered = call(parsed, range, scope);
        scope.budget().received(answered.body().length);
        status = answered.status();
        log(shown, asked, "HTTP " + status, attempt, start, answered.body().length);
        Tail tail = answer(status, answered.contentRange(), answered.body(), from, length);
        if (tail != null) {
          return tail;
        }
        failure = "HTTP " + status + (status == 206 ? " with a short or mislabelled body" : "");
      } catch (IOException e) {
        log(shown, asked, "failed (" + e + ")", attempt, start, 0);
        if (scope.isCancelled() || Thread.currentThread().isInterrupted()) {
          throw new WandbException("Download of " + shown + " was cancelled.", OPERATION, 0, e);
        }
        failure = e.getClass().getSimpleName();
      }
      if (status == 401 || status == 403 || status == 404 || status == 410) {
        throw new FileRefusedException(
            "The storage host refused export file " + shown + " (HTTP " + status + ").", status);
      }
      boolean retryable = status == 0 || status == 206 || RetryPolicy.isRetryableStatus(status);
      if (!retryable || attempt > retryPolicy.maxRetries()) {
        throw new WandbException(
            "Download of export file "
                + shown
                + " failed after "
                + attempt
                + " attempt(s): "
                + failure
                + ".",
            OPERATION,
            status);
      }
      pause(scope, attempt);
    }
  }

  /** One response: its status, {@code Content-Range} and body. */
  private record Answered(int status, String contentRange, byte[] body) {}

  private Answered call(HttpUrl url, String range, Cancellation scope) throws IOException {
    Request.Builder request =
        new Request.Builder().url(url).header("User-Agent", GraphQlEndpoint.USER_AGENT).get();
    if (range != null) {
      request.header("Range", range);
    }
    return CancellableCalls.execute(
        http.newCall(request.build()),
        scope,
        response ->
            new Answered(
                response.code(), response.header("Content-Range"), response.body().bytes()));
  }

  /** The asked bytes from a response, or null when it does not hold them (to retry or fail). */
  static Tail answer(int status, String contentRange, byte[] body, long from, int length) {
    if (status == 200 && length < 0) {
      return new Tail(body.length, body); // the whole file, as asked
    }
    if (status == 200) { // the whole file: the server ignored the range
      long start = from < 0 ? Math.max(0, body.length - length) : from;
      if (start > body.length) {
        return null;
      }
      int end = (int) Math.min(body.length, start + length);
      byte[] part = Arrays.copyOfRange(body, (int) start, end);
      return from >= 0 && part.length != length ? null : new Tail(body.length, part);
    }
    if (status != 206 || contentRange == null) {
      return null;
    }
    // "bytes first-last/total"
    String value = contentRange.trim();
    int space = value.indexOf(' ');
    int dash = value.indexOf('-', space + 1);
    int slash = value.indexOf('/', dash + 1);
    if (!value.startsWith("bytes ") || dash < 0 || slash < 0) {
      return null;
    }
    try {
      long first = Long.parseLong(value.substring(space + 1, dash));
      long last = Long.parseLong(value.substring(dash + 1, slash));
      long total = Long.parseLong(value.substring(slash + 1));
      boolean right = from < 0 ? last == total - 1 : first == from;
      return right && body.length == last - first + 1 && (from < 0 || body.length == length)
          ? new Tail(total, body)
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void pause(Cancellation scope, int retry) {
    Duration wait =
        retryPolicy.delay(retry, Optional.empty(), ThreadLocalRandom.current().nextDouble());
    try {
      if (scope.await(wait)) {
        throw new WandbException("An export file download was cancelled.", OPERATION, 0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WandbException("Interrupted while waiting to retry a download.", OPERATION, 0, e);
    }
  }

  private void log(String url, String range, String outcome, int attempt, long start, long bytes) {
    if (logRequests) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      LOG.info(
          () ->
              "W&B export file "
                  + url
                  + " "
                  + range
                  + ": "
                  + outcome
                  + ", attempt "
                  + attempt
                  + ", "
                  + millis
                  + " ms, "
                  + bytes
                  + " bytes");
    }
  }
}
