package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.AdapterSettings;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.HistoryCacheSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A connection's settings after parsing and defaulting. {@link #toString()} never shows the API
 * key; {@link #displayUrl()} is the URL reported by {@code DatabaseMetaData.getURL()}.
 *
 * @param entity the entity whose projects are schemas, or null to ask W&B for the viewer's default
 * @param project the default schema, or null for none
 * @param cacheDir where the history cache lives, when {@code cache} is on
 */
public record ConnectionConfig(
    String apiKey,
    String baseUrl,
    String entity,
    String project,
    int pageSize,
    Duration timeout,
    int maxRetries,
    Duration retryBackoff,
    int concurrency,
    int samples,
    boolean logRequests,
    boolean pushdown,
    boolean descNullsLast,
    boolean exports,
    long maxRequests,
    boolean cache,
    Path cacheDir,
    long cacheMaxBytes,
    SqlDialect dialect) {

  public static final String URL_PREFIX = "jdbc:wandb:";
  static final String URL_FORMAT =
      "jdbc:wandb:entity=<entity>;project=<project>[;apiKey=<key>][;baseUrl=<url>][;<key>=<value>...]";

  public ConnectionConfig {
    Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(timeout, "timeout is null");
    Objects.requireNonNull(retryBackoff, "retryBackoff is null");
    Objects.requireNonNull(dialect, "dialect is null");
  }

  /** The cap on one wait stays the client's default, or the first wait if that is longer. */
  public ClientSettings clientSettings() {
    Duration maxBackoff =
        ClientSettings.DEFAULT_MAX_BACKOFF.compareTo(retryBackoff) >= 0
            ? ClientSettings.DEFAULT_MAX_BACKOFF
            : retryBackoff;
    return new ClientSettings(
        baseUrl, apiKey, timeout, maxRetries, retryBackoff, maxBackoff, logRequests);
  }

  /** The history cache of this connection's reads: off unless {@code cache} is on. */
  public HistoryCacheSettings historyCache() {
    return cache ? new HistoryCacheSettings(cacheDir, cacheMaxBytes) : HistoryCacheSettings.OFF;
  }

  public AdapterSettings adapterSettings() {
    return new AdapterSettings(pageSize, samples, concurrency, pushdown, descNullsLast, exports);
  }

  /**
   * The W&B web app that shows this server's runs: wandb.ai for the public API, else the server.
   */
  public String appUrl() {
    return URI.create(baseUrl).getHost().equals("api.wandb.ai") ? "https://wandb.ai" : baseUrl;
  }

  /** The connection's URL without secrets. */
  public String displayUrl() {
    StringBuilder url = new StringBuilder(URL_PREFIX).append("baseUrl=").append(baseUrl);
    if (entity != null) {
      url.append(";entity=").append(entity);
    }
    if (project != null) {
      url.append(";project=").append(project);
    }
    return url.toString();
  }

  @Override
  public String toString() {
    return "ConnectionConfig[apiKey=****, baseUrl="
        + baseUrl
        + ", entity="
        + entity
        + ", project="
        + project
        + ", pageSize="
        + pageSize
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", retryBackoff="
        + retryBackoff
        + ", concurrency="
        + concurrency
        + ", samples="
        + samples
        + ", logRequests="
        + logRequests
        + ", pushdown="
        + pushdown
        + ", descNullsLast="
        + descNullsLast
        + ", exports="
        + exports
        + ", maxRequests="
        + maxRequests
        + ", dialect="
        + dialect
        + "]";
  }
}
