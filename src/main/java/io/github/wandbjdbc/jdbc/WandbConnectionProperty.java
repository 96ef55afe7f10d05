package io.github.wandbjdbc.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * Every key a {@code jdbc:wandb:} URL or the connection {@code Properties} may carry. Keys are
 * matched case-insensitively; {@code password} is an alias of {@code apiKey} so that login forms
 * (DBeaver's) work, and {@code user} is accepted and ignored for the same reason.
 */
public enum WandbConnectionProperty {
  API_KEY(
      "apiKey",
      Type.STRING,
      null,
      true,
      "W&B API key. Default: env WANDB_API_KEY, then the netrc entry for the base URL's host."),
  BASE_URL(
      "baseUrl",
      Type.STRING,
      "https://api.wandb.ai",
      false,
      "W&B server URL. Default: env WANDB_BASE_URL, else https://api.wandb.ai."),
  ENTITY(
      "entity",
      Type.STRING,
      null,
      false,
      "User or team whose projects become schemas. Default: env WANDB_ENTITY, else the viewer's default entity."),
  PROJECT(
      "project",
      Type.STRING,
      null,
      false,
      "Default schema (a project of the entity). Default: env WANDB_PROJECT."),
  PAGE_SIZE(
      "pageSize",
      Type.INT,
      "1000",
      false,
      "Most runs per W&B request when listing runs (1 to 1000); runs carrying whole config,"
          + " summary or system_metrics JSON are asked for at most 200 at a time."),
  TIMEOUT(
      "timeout", Type.INT, "60", false, "Seconds to wait for one W&B HTTP request (1 to 3600)."),
  MAX_RETRIES(
      "maxRetries",
      Type.INT,
      "8",
      false,
      "Retries of a W&B request after 429, 408, 5xx or a connection failure (0 to 100)."),
  RETRY_BACKOFF_MS(
      "retryBackoffMs",
      Type.INT,
      "1000",
      false,
      "Milliseconds before the first retry, doubled on each further one up to 30 s (0 to 60000)."),
  CONCURRENCY(
      "concurrency",
      Type.INT,
      "8",
      false,
      "Parallel W&B requests when reading histories (1 to 64)."),
  SAMPLES("samples", Type.INT, "500", false, "Points per run in sampled_histories (1 to 100000)."),
  LOG_REQUESTS(
      "logRequests",
      Type.BOOLEAN,
      "false",
      false,
      "Log every W&B request with its timing (java.util.logging, never the API key)."),
  PUSHDOWN(
      "pushdown",
      Type.BOOLEAN,
      "true",
      false,
      "Translate WHERE, ORDER BY, LIMIT and COUNT(*) into W&B requests; false evaluates all in the driver."),
  DESC_NULLS_LAST(
      "descNullsLast",
      Type.BOOLEAN,
      "false",
      false,
      "ORDER BY a config.* or summary.* column DESC puts NULLs last unless NULLS FIRST is written"
          + " (standard SQL puts them first)."),
  EXPORTS(
      "exports",
      Type.BOOLEAN,
      "true",
      false,
      "Read finished runs' histories from W&B's parquet exports where W&B has them; false reads every step through the GraphQL API."),
  MAX_REQUESTS(
      "maxRequests",
      Type.INT,
      "0",
      false,
      "W&B requests (GraphQL and parquet file downloads) one statement may send; past it the statement fails with SQLState 54000. 0: no limit."),
  CACHE(
      "cache",
      Type.BOOLEAN,
      "false",
      false,
      "Keep history rows of finished runs on disk and read them from there while the run is unchanged."),
  CACHE_DIR(
      "cacheDir",
      Type.STRING,
      null,
      false,
      "Directory of the history cache. Default: $XDG_CACHE_HOME/wandb-jdbc, else ~/.cache/wandb-jdbc."),
  CACHE_MAX_BYTES(
      "cacheMaxBytes",
      Type.INT,
      "2147483648",
      false,
      "Bytes the history cache may hold before least recently used runs go (at most 1 TiB)."),
  DIALECT(
      "dialect",
      Type.STRING,
      "calcite",
      false,
      "SQL dialect: calcite (standard SQL), or postgresql (PostgreSQL's syntax and functions, and"
          + " the pg_catalog and information_schema schemas; what the PostgreSQL endpoint uses).");

  /** The value types a property can take; each has one parser with one error text. */
  enum Type {
    STRING,
    INT,
    BOOLEAN
  }

  private final String key;
  private final Type type;
  private final String defaultValue;
  private final boolean secret;
  private final String description;

  WandbConnectionProperty(
      String key, Type type, String defaultValue, boolean secret, String description) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.description = description;
  }

  public String key() {
    return key;
  }

  Type type() {
    return type;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public boolean secret() {
    return secret;
  }

  public String description() {
    return description;
  }

  /** The property a user-supplied key names, ignoring case; {@code password} means the API key. */
  public static Optional<WandbConnectionProperty> forKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.equals("password")) {
      return Optional.of(API_KEY);
    }
    for (WandbConnectionProperty p : values()) {
      if (p.key.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
