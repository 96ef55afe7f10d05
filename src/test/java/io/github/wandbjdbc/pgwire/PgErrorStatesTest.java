package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.RawPgClient.concat;
import static io.github.wandbjdbc.pgwire.RawPgClient.cstring;
import static io.github.wandbjdbc.pgwire.RawPgClient.int16;
import static io.github.wandbjdbc.pgwire.RawPgClient.int32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQLSTATEs PostgreSQL clients branch on, for the driver's failures, and {@code $n} in a simple
 * query failing as PostgreSQL's does instead of being read as a column.
 */
class PgErrorStatesTest {
  private static PgEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.close();
  }

  private static RawPgClient connect() throws Exception {
    return RawPgClient.connect(endpoint.port(), endpoint.entity(), endpoint.apiKey());
  }

  private static RawPgClient.Message firstOf(RawPgClient client, String sql) throws Exception {
    client.send('Q', cstring(sql));
    return client.untilReady().get(0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT * FROM nope                    | 42P01 | 42S02",
        "SELECT * FROM nope.runs               | 42P01 | 42S02",
        "SELECT nope FROM runs                 | 42703 | 42S22",
        "SELEC 1                               | 42601 | 42000",
        "SELECT run_id FROM runs WHERE         | 42601 | 42000",
        "SELECT no_such_function(1) FROM runs  | 42883 | 42000",
      })
  void driverFailuresCarryPostgresStatesWhileJdbcKeepsItsOwn(
      String sql, String postgres, String jdbc) throws Exception {
    try (RawPgClient client = connect()) {
      RawPgClient.Message error = firstOf(client, sql);
      assertEquals('E', error.type());
      assertEquals(postgres, error.sqlState(), error.text());
    }
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement()) {
      assertEquals(jdbc, assertThrows(SQLException.class, () -> s.executeQuery(sql)).getSQLState());
    }
  }

  @Test
  void aParameterInASimpleQueryIs42P02NotAnAnswer() throws Exception {
    try (RawPgClient client = connect()) {
      RawPgClient.Message error = firstOf(client, "SELECT COUNT(*) FROM runs WHERE run_id <> $1");
      assertEquals("42P02", error.sqlState());
      assertTrue(error.text().contains("there is no parameter $1"), error.text());
    }
  }

  @Test
  void dollarsInLiteralsQuotedNamesAndCommentsAreNoParameters() throws Exception {
    try (RawPgClient client = connect()) {
      client.send('Q', cstring("SELECT '$1' AS \"$2\" -- $3\n/* $4 */"));
      List<RawPgClient.Message> answer = client.untilReady();
      assertEquals('T', answer.get(0).type());
      assertTrue(answer.get(1).text().endsWith("$1"), answer.get(1).text());
    }
  }

  @Test
  void theExtendedProtocolStillBindsParameters() throws Exception {
    try (RawPgClient client = connect()) {
      client.send(
          'P',
          concat(cstring(""), cstring("SELECT COUNT(*) FROM runs WHERE run_id <> $1"), int16(0)));
      byte[] value = "none".getBytes(StandardCharsets.UTF_8);
      client.send(
          'B',
          concat(
              cstring(""), cstring(""), int16(0), int16(1), int32(value.length), value, int16(0)));
      client.send('E', concat(cstring(""), int32(0)));
      client.send('S', new byte[0]);
      List<RawPgClient.Message> answer = client.untilReady();
      assertEquals('D', answer.get(2).type());
      assertTrue(answer.get(2).text().endsWith("40"), answer.get(2).text());
    }
  }
}
