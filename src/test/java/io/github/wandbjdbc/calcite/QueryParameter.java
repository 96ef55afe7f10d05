package io.github.wandbjdbc.calcite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A value for one {@code ?}, and the JDBC setter it is bound with.
 *
 * @param value the value; null for {@link Setter#NULL}
 * @param nullType the {@link Types} code passed to {@code setNull}
 */
record QueryParameter(Setter setter, Object value, int nullType) {
  enum Setter {
    STRING,
    LONG,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP,
    NULL
  }

  QueryParameter {
    Objects.requireNonNull(setter, "setter is null");
    if ((setter == Setter.NULL) != (value == null)) {
      throw new IllegalArgumentException("only setNull has no value: " + setter);
    }
  }

  static QueryParameter of(Setter setter, Object value) {
    return new QueryParameter(setter, value, Types.NULL);
  }

  static QueryParameter ofNull(int jdbcType) {
    return new QueryParameter(Setter.NULL, null, jdbcType);
  }

  void bind(PreparedStatement statement, int index) throws SQLException {
    switch (setter) {
      case STRING -> statement.setString(index, (String) value);
      case LONG -> statement.setLong(index, (Long) value);
      case DOUBLE -> statement.setDouble(index, (Double) value);
      case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
      case TIMESTAMP -> statement.setTimestamp(index, Timestamp.valueOf((LocalDateTime) value));
      case NULL -> statement.setNull(index, nullType);
      default -> throw new IllegalStateException("unknown setter " + setter);
    }
  }

  @Override
  public String toString() {
    return setter == Setter.NULL
        ? "setNull(" + nullType + ")"
        : "set"
            + setter.name().charAt(0)
            + setter.name().substring(1).toLowerCase(java.util.Locale.ROOT)
            + "("
            + (value instanceof String text ? SqlText.quote(text) : value)
            + ")";
  }
}
