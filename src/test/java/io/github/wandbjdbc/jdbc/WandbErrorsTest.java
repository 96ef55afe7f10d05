package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.wandbjdbc.calcite.QueryTimeoutException;
import io.github.wandbjdbc.client.WandbAuthenticationException;
import io.github.wandbjdbc.client.WandbException;
import io.github.wandbjdbc.client.WandbNotFoundException;
import io.github.wandbjdbc.client.WandbRequestException;
import io.github.wandbjdbc.client.WandbTransientException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;

/** How query-time failures map, whatever Avatica and Calcite wrapped them in. */
class WandbErrorsTest {

  /**
   * As Avatica reports a scan's RuntimeException: a plain SQLException around Calcite's wrapper.
   */
  private static SQLException wrapped(RuntimeException failure) {
    return new SQLException(
        "Error while executing SQL \"SELECT 1\": " + failure.getMessage(),
        new RuntimeException(failure));
  }

  private static void assertMapped(
      Class<? extends SQLException> type, String sqlState, Exception cause, SQLException mapped) {
    assertEquals(type, mapped.getClass());
    assertEquals(sqlState, mapped.getSQLState());
    assertSame(cause, mapped.getCause());
    assertEquals(cause.getMessage(), mapped.getMessage().substring(0, cause.getMessage().length()));
  }

  @Test
  void wandbFailuresByKind() {
    WandbException[] failures = {
      new WandbAuthenticationException("401", "Runs", 401),
      new WandbTransientException("429 after 9 attempts", "Runs", 429),
      new WandbTransientException("connection failed after 9 attempts", "Runs", 0),
      new WandbNotFoundException("project acme/demo was not found", "Runs", 200),
      new WandbRequestException("W&B rejected Runs: bad filter", "Runs", 200),
      new WandbException("the body is not JSON", "Runs", 200)
    };
    assertMapped(
        SQLInvalidAuthorizationSpecException.class,
        "28000",
        failures[0],
        WandbErrors.atQuery(wrapped(failures[0])));
    assertMapped(
        SQLTransientException.class,
        "HY000",
        failures[1],
        WandbErrors.atQuery(wrapped(failures[1])));
    assertMapped(
        SQLTransientConnectionException.class,
        "08006",
        failures[2],
        WandbErrors.atQuery(wrapped(failures[2])));
    assertMapped(
        SQLNonTransientException.class,
        "42S02",
        failures[3],
        WandbErrors.atQuery(wrapped(failures[3])));
    assertMapped(
        SQLNonTransientException.class, "42000", failures[4], WandbErrors.atQuery(failures[4]));
    assertMapped(
        SQLNonTransientException.class, "HY000", failures[5], WandbErrors.atQuery(failures[5]));
  }

  @Test
  void queryTimeoutIsAnSqlTimeoutException() {
    QueryTimeoutException timeout = new QueryTimeoutException(1500);
    SQLException mapped = WandbErrors.atQuery(wrapped(timeout));
    assertMapped(SQLTimeoutException.class, "HYT00", timeout, mapped);
  }

  @Test
  void otherFailuresPassUnchanged() {
    SQLException sql =
        new SQLException(
            "Object 'nope' not found", "42000", new IllegalStateException("validator"));
    assertSame(sql, WandbErrors.atQuery(sql));
    IllegalStateException bug = new IllegalStateException("bug");
    SQLException fromRuntime = WandbErrors.atQuery(bug);
    assertEquals(SQLException.class, fromRuntime.getClass());
    assertSame(bug, fromRuntime.getCause());
  }
}
