package io.github.wandbjdbc.packaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** One result set value as a plain Java value, for comparing with what another client read. */
final class JdbcCell {
  private JdbcCell() {}

  /** String, Long, Double, Boolean, Instant, or null for SQL NULL. */
  static Object read(ResultSet rs, int column) throws SQLException {
    Object value =
        switch (rs.getMetaData().getColumnType(column)) {
          case Types.BIGINT -> rs.getLong(column);
          case Types.DOUBLE -> rs.getDouble(column);
          case Types.BOOLEAN -> rs.getBoolean(column);
          case Types.TIMESTAMP -> rs.getObject(column, Instant.class);
          default -> rs.getString(column);
        };
    return rs.wasNull() ? null : value;
  }
}
