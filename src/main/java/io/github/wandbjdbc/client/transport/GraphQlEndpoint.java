package io.github.wandbjdbc.client.transport;

import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.ClientSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * W&B's {@code <baseUrl>/graphql} as OkHttp reaches it: one POST per call, sent with the API key as
 * Basic credentials; retrying is {@link GraphQlTransport}'s job.
 *
 * <p>All endpoints share one OkHttp connection pool and dispatcher; each has its own copy of the
 * client with its timeouts (each attempt is bounded by the settings' timeout). OkHttp's own silent
 * retry of failed connections is switched off so that the transport's loop is the only one, and
 * attempts, logs and backoff stay exact.
 */
final class GraphQlEndpoint {

  static final String USER_AGENT = "wandb-jdbc/0.1.0";
  private static final MediaType JSON = MediaType.get("application/json");
  static final OkHttpClient SHARED =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  /**
   * The most a request may take before the server has answered once: a host that drops packets, or
   * a plain-HTTP server sent a TLS handshake, never answers, and connect should not wait long.
   */
  static final Duration FIRST_CONTACT_TIMEOUT = Duration.ofSeconds(5);

  private final OkHttpClient http;
  private final OkHttpClient firstContact;
  private final HttpUrl url;
  private final String authorization;
  private final String apiKey;

  /**
   * Whether the server has answered once; until it has, a refused connection, an unknown host or a
   * failed TLS handshake is final (at connect time, where a user waits for the answer).
   */
  private volatile boolean answered;

  GraphQlEndpoint(ClientSettings settings) {
    HttpUrl base = HttpUrl.parse(settings.baseUrl());
    if (base == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) URL such as https://api.wandb.ai, was " + settings.baseUrl());
    }
    this.url = base.newBuilder().addPathSegment("graphql").build();
    Duration timeout = settings.timeout();
    this.http =
        SHARED
            .newBuilder()
            .callTimeout(timeout)
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .build();
    Duration firstTimeout =
        timeout.compareTo(FIRST_CONTACT_TIMEOUT) < 0 ? timeout : FIRST_CONTACT_TIMEOUT;
    this.firstContact =
        http.newBuilder()
            .callTimeout(firstTimeout)
            .connectTimeout(firstTimeout)
            .readTimeout(firstTimeout)
            .build();
    this.apiKey = settings.apiKey();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("api:" + apiKey).getBytes(StandardCharsets.UTF_8));
  }

  /** Requests of every endpoint in flight right now. */
  static int runningCalls() {
    return SHARED.dispatcher().runningCallsCount();
  }

  String host() {
    return url.host();
  }

  /** The server's root URL, as a message that it cannot be reached names it. */
  String serverUrl() {
    return url.newBuilder().encodedPath("/").toString();
  }

  boolean answered() {
    return answered;
  }

  /** POSTs {@code body} once; {@code scope} can abort the call. */
  HttpResult post(byte[] body, Cancellation scope) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json")
            .post(RequestBody.create(body, JSON))
            .build();
    Call call = (answered ? http : firstContact).newCall(request);
    HttpResult result =
        CancellableCalls.execute(
            call,
            scope,
            response ->
                new HttpResult(
                    response.code(),
                    response.body().bytes(),
                    response.header("Retry-After"),
                    response.header("RateLimit-Remaining"),
                    response.header("RateLimit-Reset")));
    answered = true;
    return result;
  }

  /**
   * Server text is echoed into messages; make sure it cannot carry the key along, raw or as the
   * Basic credential a proxy might echo from our request.
   */
  String scrub(String text) {
    if (apiKey.isEmpty()) {
      return text;
    }
    return text.replace(apiKey, "(redacted)")
        .replace(authorization.substring("Basic ".length()), "(redacted)");
  }

  /** A response: its status, body and the headers that decide retries and waits. */
  record HttpResult(
      int status,
      byte[] body,
      String retryAfter,
      String rateLimitRemaining,
      String rateLimitReset) {}
}
