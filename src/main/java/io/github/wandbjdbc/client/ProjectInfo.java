package io.github.wandbjdbc.client;

import java.time.Instant;
import java.util.Objects;

/** A W&B project; {@code createdAt} may be null if the server omits it. */
public record ProjectInfo(String entity, String name, Instant createdAt) {

  public ProjectInfo {
    Objects.requireNonNull(entity, "entity is null");
    Objects.requireNonNull(name, "name is null");
  }
}
