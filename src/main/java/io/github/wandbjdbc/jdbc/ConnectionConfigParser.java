package io.github.wandbjdbc.jdbc;

import static io.github.wandbjdbc.jdbc.WandbConnectionProperty.*;

import io.github.wandbjdbc.client.ApiKeyResolver;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Turns a {@code jdbc:wandb:} URL plus connection {@code Properties} into a {@link
 * ConnectionConfig}. URL values win over properties. Unknown keys and Calcite's plugin keys are
 * refused, because a typo silently ignored (or a user-chosen {@code schemaFactory}) is worse than
 * an error.
 */
public final class ConnectionConfigParser {
  /** Calcite keys that would load user-named classes or replace our schema. */
  private static final Set<String> PLUGIN_KEYS =
      Set.of(
          "model",
          "schemafactory",
          "schema.type",
          "typesystem",
          "parserfactory",
          "metatablefactory",
          "metacolumnfactory",
          "fun");

  /** Accepted for login forms and ignored: W&B identifies the user by the API key alone. */
  private static final String IGNORED_USER_KEY = "user";

  private final Map<String, String> env;
  private final Path home;

  public ConnectionConfigParser(Map<String, String> env, Path home) {
    this.env = Map.copyOf(env);
    this.home = home;
  }

  public static ConnectionConfigParser fromEnvironment() {
    return new ConnectionConfigParser(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public ConnectionConfig parse(String url, Properties info) throws SQLException {
    if (url == null
        || !url.regionMatches(
            true, 0, ConnectionConfig.URL_PREFIX, 0, ConnectionConfig.URL_PREFIX.length())) {
      throw error("The URL must start with " + ConnectionConfig.URL_PREFIX);
    }
    Map<WandbConnectionProperty, String> raw = new EnumMap<>(WandbConnectionProperty.class);
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        put(raw, name, info.getProperty(name));
      }
    }
    String body = url.substring(ConnectionConfig.URL_PREFIX.length());
    Map<WandbConnectionProperty, String> fromUrl = new EnumMap<>(WandbConnectionProperty.class);
    String[] segments = body.split(";");
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isBlank()) {
        continue;
      }
      int eq = segment.indexOf('=');
      if (eq <= 0) {
        // The text itself is not echoed: a stray segment is often a pasted API key.
        throw error("URL segment " + (i + 1) + " is not of the form key=value");
      }
      put(fromUrl, segment.substring(0, eq).trim(), segment.substring(eq + 1).trim());
    }
    raw.putAll(fromUrl);
    return build(raw);
  }

  /**
   * Records one key=value. A blank value counts as absent, so an empty login-form field cannot hide
   * a key given elsewhere; one property given twice (say as apiKey and as password) with different
   * values is an error rather than a guess.
   */
  private void put(Map<WandbConnectionProperty, String> target, String key, String value)
      throws SQLException {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.equals(IGNORED_USER_KEY)) {
      return;
    }
    if (PLUGIN_KEYS.contains(lower) || lower.endsWith("factory")) {
      throw error("Property '" + key + "' is not allowed: the wandb driver builds its own schema");
    }
    WandbConnectionProperty property =
        WandbConnectionProperty.forKey(key)
            .orElseThrow(() -> error("Unknown property '" + key + "'; known: " + knownKeys()));
    if (value == null || value.isBlank()) {
      return;
    }
    String earlier = target.put(property, value);
    if (earlier != null && !earlier.equals(value)) {
      throw error("Property '" + property.key() + "' is given twice with different values");
    }
  }

  private ConnectionConfig build(Map<WandbConnectionProperty, String> raw) throws SQLException {
    String baseUrl =
        baseUrl(
            firstNonEmpty(raw.get(BASE_URL), env.get("WANDB_BASE_URL"), BASE_URL.defaultValue()));
    String apiKey =
        apiKey(raw.get(API_KEY), baseUrl)
            .orElseThrow(
                () ->
                    error(
                        "No W&B API key: set apiKey in the URL or the password property,"
                            + " or env WANDB_API_KEY, or a netrc entry for host "
                            + URI.create(baseUrl).getHost()));
    return new ConnectionConfig(
        apiKey,
        baseUrl,
        firstNonEmpty(raw.get(ENTITY), env.get("WANDB_ENTITY"), null),
        firstNonEmpty(raw.get(PROJECT), env.get("WANDB_PROJECT"), null),
        intValue(raw, PAGE_SIZE, 1, 1000),
        Duration.ofSeconds(intValue(raw, TIMEOUT, 1, 3600)),
        intValue(raw, MAX_RETRIES, 0, 100),
        Duration.ofMillis(intValue(raw, RETRY_BACKOFF_MS, 0, 60_000)),
        intValue(raw, CONCURRENCY, 1, 64),
        intValue(raw, SAMPLES, 1, 100_000),
        booleanValue(raw, LOG_REQUESTS),
        booleanValue(raw, PUSHDOWN),
        booleanValue(raw, DESC_NULLS_LAST),
        booleanValue(raw, EXPORTS),
        longValue(raw, MAX_REQUESTS, 0, 1_000_000_000),
        booleanValue(raw, CACHE),
        cacheDir(raw.get(CACHE_DIR)),
        longValue(raw, CACHE_MAX_BYTES, 1, 1L << 40),
        dialect(raw.get(DIALECT)));
  }

  private static SqlDialect dialect(String given) throws SQLException {
    if (given == null) {
      return SqlDialect.CALCITE;
    }
    return SqlDialect.forName(given.trim())
        .orElseThrow(
            () ->
                error(
                    "Property 'dialect' must be calcite or postgresql; got '"
                        + given.trim()
                        + "'"));
  }

  /** The cache directory: as given, else under XDG_CACHE_HOME, else under ~/.cache. */
  private Path cacheDir(String given) {
    if (emptyToNull(given) != null) {
      return Path.of(given.trim());
    }
    String xdg = emptyToNull(env.get("XDG_CACHE_HOME"));
    return (xdg != null ? Path.of(xdg) : home.resolve(".cache")).resolve("wandb-jdbc");
  }

  private Optional<String> apiKey(String explicit, String baseUrl) throws SQLException {
    try {
      return ApiKeyResolver.resolve(explicit, baseUrl, env, home);
    } catch (RuntimeException e) {
      // An unreadable or misnamed netrc file: say so instead of failing with a bare exception.
      throw error("Cannot read the netrc file for the API key: " + e.getMessage());
    }
  }

  private static String baseUrl(String value) throws SQLException {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      throw error(
          "Property 'baseUrl' is not a URL: '" + value + "'; expected e.g. https://api.wandb.ai");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getPort() > 65535) {
      throw error(
          "Property 'baseUrl' must be an http(s) URL with a host, e.g. https://api.wandb.ai;"
              + " got '"
              + value
              + "'");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static int intValue(
      Map<WandbConnectionProperty, String> raw, WandbConnectionProperty property, int min, int max)
      throws SQLException {
    return (int) longValue(raw, property, min, max);
  }

  private static long longValue(
      Map<WandbConnectionProperty, String> raw,
      WandbConnectionProperty property,
      long min,
      long max)
      throws SQLException {
    String text = raw.getOrDefault(property, property.defaultValue());
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw error(
          "Property '"
              + property.key()
              + "' must be a whole number from "
              + min
              + " to "
              + max
              + "; got '"
              + text
              + "'");
    }
    if (value < min || value > max) {
      throw error(
          "Property '"
              + property.key()
              + "' must be from "
              + min
              + " to "
              + max
              + "; got "
              + value);
    }
    return value;
  }

  private static boolean booleanValue(
      Map<WandbConnectionProperty, String> raw, WandbConnectionProperty property)
      throws SQLException {
    String text = raw.getOrDefault(property, property.defaultValue()).trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw error("Property '" + property.key() + "' must be true or false; got '" + text + "'");
  }

  private static String firstNonEmpty(String first, String second, String fallback) {
    if (emptyToNull(first) != null) {
      return first;
    }
    return emptyToNull(second) != null ? second : fallback;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String knownKeys() {
    StringBuilder keys = new StringBuilder();
    for (WandbConnectionProperty p : WandbConnectionProperty.values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(p.key());
    }
    return keys.append(", password, user").toString();
  }

  private static SQLException error(String problem) {
    return new SQLNonTransientConnectionException(
        problem + ". URL format: " + ConnectionConfig.URL_FORMAT, "08001");
  }
}
