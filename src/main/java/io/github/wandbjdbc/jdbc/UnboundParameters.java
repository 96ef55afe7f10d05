package io.github.wandbjdbc.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Names the first {@code ?} left unset before a prepared statement runs; Calcite only says
 * "exception while executing query: unbound parameter", and Avatica wraps that once more.
 */
final class UnboundParameters {
  private UnboundParameters() {}

  static void check(List<TypedValue> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new SQLException(
            "Parameter "
                + (i + 1)
                + " of "
                + values.size()
                + " is not set; set every ? (setNull for NULL) before executing",
            WandbMeta.UNBOUND_PARAMETER);
      }
    }
  }
}
