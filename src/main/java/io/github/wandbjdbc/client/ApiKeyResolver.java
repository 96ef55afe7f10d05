package io.github.wandbjdbc.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the W&B API key the way the official client does: the explicit key, else environment
 * variable {@code WANDB_API_KEY}, else the netrc entry {@code machine <host of baseUrl>} (or the
 * {@code default} entry). The netrc file is {@code $NETRC} if that variable is set, else {@code
 * ~/.netrc}, else {@code ~/_netrc}: the first of these that exists is the one read, as netrc
 * readers do. Blank values count as absent.
 */
public final class ApiKeyResolver {

  private ApiKeyResolver() {}

  public static Optional<String> resolve(
      String explicitKey, String baseUrl, Map<String, String> env, Path home) {
    if (!isBlank(explicitKey)) {
      return Optional.of(explicitKey.strip());
    }
    String fromEnv = env.get("WANDB_API_KEY");
    if (!isBlank(fromEnv)) {
      return Optional.of(fromEnv.strip());
    }
    String host = host(baseUrl);
    if (host == null) {
      return Optional.empty();
    }
    return netrcFile(env, home).flatMap(file -> Netrc.password(read(file), host));
  }

  private static Optional<Path> netrcFile(Map<String, String> env, Path home) {
    List<Path> candidates = new ArrayList<>();
    String explicit = env.get("NETRC");
    if (!isBlank(explicit)) {
      candidates.add(Path.of(explicit));
    }
    if (home != null) {
      candidates.add(home.resolve(".netrc"));
      candidates.add(home.resolve("_netrc"));
    }
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read netrc file " + file, e);
    }
  }

  /** The host netrc entries are keyed by: the base URL's host name, without port. */
  private static String host(String baseUrl) {
    if (isBlank(baseUrl)) {
      return null;
    }
    try {
      return URI.create(baseUrl.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
