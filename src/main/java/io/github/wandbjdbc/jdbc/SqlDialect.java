package io.github.wandbjdbc.jdbc;

import java.util.Locale;
import java.util.Optional;

/** The SQL a connection parses: Calcite's standard SQL, or PostgreSQL's for its clients. */
public enum SqlDialect {
  CALCITE,
  POSTGRESQL;

  static Optional<SqlDialect> forName(String name) {
    for (SqlDialect dialect : values()) {
      if (dialect.name().equalsIgnoreCase(name)) {
        return Optional.of(dialect);
      }
    }
    return Optional.empty();
  }

  /** As the {@code dialect} property spells it. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
