package io.github.wandbjdbc.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque W&B-style ids: base64 of a typed path, e.g. {@code Run:v1:<name>:<project>:<entity>}. */
final class Refs {
  private Refs() {}

  static String id(String... parts) {
    return Base64.getEncoder()
        .encodeToString(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
  }
}
