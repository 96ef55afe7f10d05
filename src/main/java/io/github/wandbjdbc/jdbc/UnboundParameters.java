package io.github.wandbjdbc.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.Meta.PrepareCallback;
import org.apache.calcite.avatica.Meta.Signature;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Refuses to run a statement with a {@code ?} that nothing binds. For a prepared statement it names
 * the first {@code ?} left unset; Calcite only says "exception while executing query: unbound
 * parameter", and Avatica wraps that once more.
 */
final class UnboundParameters {
  /** SQLState 07001: wrong number of parameters. */
  static final String UNBOUND_PARAMETER = "07001";

  private UnboundParameters() {}

  /**
   * {@code callback}, refusing a plain {@code Statement}'s {@code ?}: it has no way to bind one,
   * and Calcite would read it as NULL and answer no rows, as if the query were complete. Refused
   * before anything runs (EXPLAIN, which runs nothing, may show a plan with parameters).
   */
  static PrepareCallback refusing(String sql, PrepareCallback callback) {
    return new PrepareCallback() {
      @Override
      public Object getMonitor() {
        return callback.getMonitor();
      }

      @Override
      public void clear() throws SQLException {
        callback.clear();
      }

      @Override
      public void assign(Signature signature, Frame firstFrame, long updateCount)
          throws SQLException {
        if (!signature.parameters.isEmpty() && !ReadOnlySql.firstWord(sql).equals("EXPLAIN")) {
          throw new SQLException(
              "The statement has "
                  + signature.parameters.size()
                  + " ? parameter(s), which a plain Statement cannot bind; use a "
                  + "PreparedStatement and its set methods",
              UNBOUND_PARAMETER);
        }
        callback.assign(signature, firstFrame, updateCount);
      }

      @Override
      public void execute() throws SQLException {
        callback.execute();
      }
    };
  }

  /** Throws when a prepared statement's {@code values} leave a {@code ?} unset. */
  static void check(List<TypedValue> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new SQLException(
            "Parameter "
                + (i + 1)
                + " of "
                + values.size()
                + " is not set; set every ? (setNull for NULL) before executing",
            UNBOUND_PARAMETER);
      }
    }
  }
}
