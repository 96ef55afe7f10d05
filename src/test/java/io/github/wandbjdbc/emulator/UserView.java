package io.github.wandbjdbc.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A {@code User} object; field names match the schema so graphql-java reads them directly. */
record UserView(
    String id,
    String name,
    String username,
    String email,
    String entity,
    Boolean admin,
    Instant deletedAt,
    String flags,
    Map<String, Object> teams,
    Map<String, Object> apiKeys) {

  /** The API key's owner: a member of one team, the dataset's entity. */
  static UserView viewer(EmulatedDataset dataset) {
    String username = dataset.viewerUsername();
    return new UserView(
        Refs.id("User", username),
        username,
        username,
        username + "@example.com",
        dataset.entity(),
        false,
        null,
        "{}",
        Map.of("edges", List.of(Map.of("node", Map.of("name", dataset.entity())))),
        Map.of("edges", List.of()));
  }

  /** A run's author; only name and username are known. Null when the run has no user. */
  static UserView author(EmulatedRun run) {
    if (run.username() == null) {
      return null;
    }
    String name = run.userFullName() == null ? run.username() : run.userFullName();
    return new UserView(
        Refs.id("User", run.username()),
        name,
        run.username(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
