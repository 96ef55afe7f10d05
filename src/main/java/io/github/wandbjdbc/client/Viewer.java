package io.github.wandbjdbc.client;

import java.util.List;
import java.util.Objects;

/** The user an API key belongs to: {@code entity} is their default entity, {@code teams} names. */
public record Viewer(String id, String username, String entity, List<String> teams) {

  public Viewer {
    Objects.requireNonNull(id, "id is null");
    teams = List.copyOf(teams);
  }
}
