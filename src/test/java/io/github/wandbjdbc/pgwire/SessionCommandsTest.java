package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the session answers itself, without a connection: tags and single-row answers. */
class SessionCommandsTest {
  private static SessionState state() {
    return new SessionState(null, (sql, by) -> {}, "alice", "acme", "psql");
  }

  /** The answer of a fresh session: its rows' first values and the tag, joined by |. */
  private static String answer(String sql) throws Exception {
    FixedAnswer answer = new SessionCommands(state()).plan(sql);
    List<String> parts = new ArrayList<>();
    try (QueryRows rows = answer.execute(List.of())) {
      long count = 0;
      while (rows.next()) {
        parts.add(String.valueOf(rows.value(0)));
        count++;
      }
      parts.add(rows.tag(count));
    }
    return String.join("|", parts);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "BEGIN; BEGIN",
        "start transaction read only; BEGIN",
        "COMMIT; COMMIT",
        "end; COMMIT",
        "ROLLBACK; ROLLBACK",
        "SET extra_float_digits = 3; SET",
        "set application_name to 'x'; SET",
        "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED; SET",
        "SHOW server_version; 16.0|SHOW",
        "show transaction isolation level; read committed|SHOW",
        "SHOW DateStyle; ISO, MDY|SHOW",
        "DISCARD ALL; DISCARD",
        "DEALLOCATE \"_PLAN0x1\"; DEALLOCATE",
        "select current_database(); acme|SELECT 1",
        "SELECT current_user; alice|SELECT 1",
        "select pg_catalog.current_setting('application_name'); psql|SELECT 1"
      })
  void sessionStatementsAreAnsweredWithPostgresTags(String sql, String expected) throws Exception {
    assertEquals(expected, answer(sql));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT run_id FROM runs",
        "SELECT 1",
        "SELECT version() FROM runs",
        "select setting from pg_settings",
        "INSERT INTO runs VALUES (1)"
      })
  void everythingElseIsLeftToTheCatalogOrTheDriver(String sql) {
    assertNull(new SessionCommands(state()).plan(sql));
  }
}
