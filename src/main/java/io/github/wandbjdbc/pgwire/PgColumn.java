package io.github.wandbjdbc.pgwire;

import java.util.Objects;

/** One column of a RowDescription. */
record PgColumn(String name, PgType type) {
  PgColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
