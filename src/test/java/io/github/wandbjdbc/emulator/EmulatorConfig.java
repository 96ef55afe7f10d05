package io.github.wandbjdbc.emulator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The emulator's knobs.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param apiKeys accepted API keys, in order; the first is the one {@link WandbEmulator#apiKey()}
 *     hands out
 * @param latencyMs delay added to every {@code /graphql} request
 * @param rateLimitPerSecond token-bucket rate for {@code /graphql} (burst = one second's worth); 0
 *     turns the limit off
 * @param failEvery every Nth {@code /graphql} request answers 500; 0 turns this off
 * @param maxHistorySamples server-side cap on any {@code samples} argument
 * @param maxRunsPerPage server-side cap on {@code runs(first:)}: a larger {@code first} gets this
 *     many runs and a cursor to the rest; 0 turns the cap off (W&B's own cap is unverified)
 * @param valueOrder where filters and orders place null, NaN, ±Infinity and non-numbers relative to
 *     numbers, and whether runs hold non-finite numbers as strings (W&B's choice is unverified)
 * @param exports parquet history exports and their file server; {@link #defaults()} exports nothing
 */
public record EmulatorConfig(
    int port,
    Set<String> apiKeys,
    long latencyMs,
    double rateLimitPerSecond,
    int failEvery,
    int maxHistorySamples,
    int maxRunsPerPage,
    ValueOrder valueOrder,
    ExportSettings exports) {

  public static final String DEFAULT_API_KEY =
      "emulator-key-0123456789abcdef0123456789abcdef01234567";

  public EmulatorConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535: " + port);
    }
    Objects.requireNonNull(apiKeys, "apiKeys is null");
    if (apiKeys.isEmpty() || apiKeys.stream().anyMatch(k -> k == null || k.isBlank())) {
      throw new IllegalArgumentException("apiKeys must be non-empty and hold no blank key");
    }
    apiKeys = Collections.unmodifiableSet(new LinkedHashSet<>(apiKeys));
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative: " + latencyMs);
    }
    if (!(rateLimitPerSecond >= 0) || Double.isInfinite(rateLimitPerSecond)) {
      throw new IllegalArgumentException(
          "rateLimitPerSecond must be a finite number >= 0: " + rateLimitPerSecond);
    }
    if (failEvery < 0) {
      throw new IllegalArgumentException("failEvery must not be negative: " + failEvery);
    }
    if (maxHistorySamples < 1) {
      throw new IllegalArgumentException(
          "maxHistorySamples must be positive: " + maxHistorySamples);
    }
    if (maxRunsPerPage < 0) {
      throw new IllegalArgumentException("maxRunsPerPage must not be negative: " + maxRunsPerPage);
    }
    Objects.requireNonNull(valueOrder, "valueOrder is null");
    Objects.requireNonNull(exports, "exports is null");
  }

  public static EmulatorConfig defaults() {
    return new EmulatorConfig(
        0, Set.of(DEFAULT_API_KEY), 0, 0, 0, 10_000, 0, ValueOrder.BSON, ExportSettings.defaults());
  }

  public EmulatorConfig withPort(int port) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withApiKeys(Set<String> apiKeys) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withLatencyMs(long latencyMs) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withRateLimitPerSecond(double rateLimitPerSecond) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withFailEvery(int failEvery) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withMaxHistorySamples(int maxHistorySamples) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withMaxRunsPerPage(int maxRunsPerPage) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withValueOrder(ValueOrder valueOrder) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withExportSettings(ExportSettings exports) {
    return new EmulatorConfig(
        port,
        apiKeys,
        latencyMs,
        rateLimitPerSecond,
        failEvery,
        maxHistorySamples,
        maxRunsPerPage,
        valueOrder,
        exports);
  }

  public EmulatorConfig withExports(ExportMode mode) {
    return withExportSettings(exports.withMode(mode));
  }

  public EmulatorConfig withFileLatencyMs(long fileLatencyMs) {
    return withExportSettings(exports.withFileLatencyMs(fileLatencyMs));
  }

  public EmulatorConfig withFileUrlTtlMs(long fileUrlTtlMs) {
    return withExportSettings(exports.withFileUrlTtlMs(fileUrlTtlMs));
  }

  public EmulatorConfig withExportStepAsDouble(boolean stepAsDouble) {
    return withExportSettings(exports.withStepAsDouble(stepAsDouble));
  }

  /** Keys are secrets: only their count is shown. */
  @Override
  public String toString() {
    return "EmulatorConfig[port="
        + port
        + ", apiKeys=<"
        + apiKeys.size()
        + " redacted>, latencyMs="
        + latencyMs
        + ", rateLimitPerSecond="
        + rateLimitPerSecond
        + ", failEvery="
        + failEvery
        + ", maxHistorySamples="
        + maxHistorySamples
        + ", maxRunsPerPage="
        + maxRunsPerPage
        + ", valueOrder="
        + valueOrder
        + ", exports="
        + exports
        + "]";
  }
}
