package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.WandbNotFoundException;

/**
 * Settles the connection's entity and checks the credentials with one request, so that a wrong key
 * or project fails at connect time (DBeaver's "Test connection") and not at the first query.
 */
final class EntityResolver {
  private EntityResolver() {}

  static String resolve(WandbClient client, ConnectionConfig config) {
    String entity = config.entity() != null ? config.entity() : client.viewer().entity();
    if (entity == null || entity.isEmpty()) {
      throw new WandbNotFoundException(
          "W&B reports no default entity for this API key;"
              + " set entity=<user or team> in the URL",
          "Viewer",
          200);
    }
    if (config.project() != null) {
      if (client.project(entity, config.project()).isEmpty()) {
        throw new WandbNotFoundException(
            "Project '" + config.project() + "' not found in entity '" + entity + "'",
            "GetProject",
            200);
      }
    } else if (config.entity() != null) {
      client.viewer();
    }
    return entity;
  }
}
