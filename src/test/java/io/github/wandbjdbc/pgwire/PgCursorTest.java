package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.RawPgClient.concat;
import static io.github.wandbjdbc.pgwire.RawPgClient.cstring;
import static io.github.wandbjdbc.pgwire.RawPgClient.int16;
import static io.github.wandbjdbc.pgwire.RawPgClient.int32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.EmulatorConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DECLARE, FETCH, MOVE and CLOSE at the protocol level: tags, errors, lifetimes, laziness. */
class PgCursorTest {
  private static PgEndpoint endpoint;
  private static List<String> runIds;

  @BeforeAll
  static void start() throws Exception {
    // 5 runs per W&B page and histories read live, so how far a cursor read shows in the
    // emulator's request count
    endpoint = PgEndpoint.start(EmulatorConfig.defaults(), null, ";pageSize=5;exports=false");
    runIds = new ArrayList<>();
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT run_id FROM runs ORDER BY run_id")) {
      while (rs.next()) {
        runIds.add(rs.getString(1));
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.close();
  }

  private static RawPgClient connect() throws Exception {
    return RawPgClient.connect(endpoint.port(), endpoint.entity(), endpoint.apiKey());
  }

  /** The messages a simple query gets back, up to ReadyForQuery. */
  private static List<RawPgClient.Message> query(RawPgClient client, String sql) throws Exception {
    client.send('Q', cstring(sql));
    return client.untilReady();
  }

  private static String types(List<RawPgClient.Message> messages) {
    StringBuilder types = new StringBuilder();
    messages.forEach(m -> types.append(m.type()));
    return types.toString();
  }

  /** The CommandComplete tag, or the SQLSTATE of the ErrorResponse. */
  private static String outcome(List<RawPgClient.Message> messages) {
    for (RawPgClient.Message m : messages) {
      if (m.type() == 'C') {
        return m.text().replace("\0", "");
      }
      if (m.type() == 'E') {
        return m.sqlState();
      }
    }
    return types(messages);
  }

  /** The first column of each DataRow, as text. */
  private static List<String> firstColumn(List<RawPgClient.Message> messages) {
    List<String> values = new ArrayList<>();
    for (RawPgClient.Message m : messages) {
      if (m.type() == 'D') {
        ByteBuffer row = ByteBuffer.wrap(m.body());
        row.getShort();
        byte[] value = new byte[row.getInt()];
        row.get(value);
        values.add(new String(value, StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  @Test
  void fetchAndMoveReadForwardWithPostgresTags() throws Exception {
    try (RawPgClient client = connect()) {
      assertEquals("BEGIN", outcome(query(client, "BEGIN")));
      assertEquals(
          "DECLARE CURSOR",
          outcome(
              query(
                  client,
                  "DECLARE c NO SCROLL CURSOR WITHOUT HOLD FOR"
                      + " SELECT run_id FROM runs ORDER BY run_id")));
      List<RawPgClient.Message> three = query(client, "FETCH 3 FROM c");
      assertEquals("TDDDCZ", types(three));
      assertEquals("FETCH 3", outcome(three));
      assertEquals(runIds.subList(0, 3), firstColumn(three));
      assertEquals("MOVE 2", outcome(query(client, "MOVE FORWARD 2 IN c")));
      List<RawPgClient.Message> next = query(client, "FETCH NEXT FROM c");
      assertEquals(List.of(runIds.get(5)), firstColumn(next));
      List<RawPgClient.Message> rest = query(client, "FETCH FORWARD ALL IN c");
      assertEquals(runIds.subList(6, runIds.size()), firstColumn(rest));
      assertEquals("FETCH " + (runIds.size() - 6), outcome(rest));
      assertEquals("FETCH 0", outcome(query(client, "FETCH c")));
      assertEquals("MOVE 0", outcome(query(client, "MOVE ALL FROM c")));
      assertEquals("CLOSE CURSOR", outcome(query(client, "CLOSE c")));
      assertEquals("34000", outcome(query(client, "FETCH 1 FROM c")));
      assertEquals("ROLLBACK", outcome(query(client, "ROLLBACK")));
    }
  }

  @Test
  void psqlWithFetchCountReadsThroughACursor(@TempDir Path dir) throws Exception {
    ExternalClient psql =
        ExternalClient.run(
            dir,
            Map.of("PGPASSWORD", endpoint.apiKey()),
            List.of(
                "/usr/bin/psql",
                "--no-psqlrc",
                "-At",
                "-v",
                "FETCH_COUNT=7",
                "host=127.0.0.1 port="
                    + endpoint.port()
                    + " user=wandb dbname="
                    + endpoint.entity(),
                "-c",
                "SELECT run_id FROM runs ORDER BY run_id"));
    assertEquals(0, psql.exit(), psql.err());
    assertEquals(runIds, psql.out().lines().toList());
    assertTrue(
        endpoint.statements().contains("cursor\tFETCH FORWARD 7 FROM _psql_cursor"),
        endpoint.statements().toString());
  }

  @Test
  void aFetchReadsOnlyThePagesItsRowsNeed() throws Exception {
    try (RawPgClient client = connect()) {
      query(client, "BEGIN");
      endpoint.emulator.stats().reset();
      query(client, "DECLARE c CURSOR FOR SELECT run_id FROM runs");
      List<RawPgClient.Message> three = query(client, "FETCH 3 FROM c");
      assertEquals("FETCH 3", outcome(three));
      // the project's column discovery may be one request; the 40 runs take 8 pages of 5
      long afterThree = endpoint.emulator.stats().operations().getOrDefault("Runs", 0L);
      assertTrue(afterThree <= 2, endpoint.emulator.stats().operations().toString());
      assertEquals("FETCH 37", outcome(query(client, "FETCH ALL FROM c")));
      long afterAll = endpoint.emulator.stats().operations().getOrDefault("Runs", 0L);
      assertEquals(7, afterAll - afterThree, "the other 7 pages, read by FETCH ALL");
      query(client, "COMMIT");
    }
  }

  @Test
  void aFetchOfAFewHistoryRowsDoesNotReadTheWholeTable() throws Exception {
    try (RawPgClient client = connect()) {
      query(client, "BEGIN");
      endpoint.emulator.stats().reset();
      query(client, "DECLARE h CURSOR FOR SELECT run_id, _step, \"row\" FROM histories");
      assertEquals("FETCH 5", outcome(query(client, "FETCH 5 FROM h")));
      long few = endpoint.emulator.stats().requests();
      long fewBytes = endpoint.emulator.stats().bytesOut();
      List<RawPgClient.Message> rest = query(client, "FETCH ALL FROM h");
      long all = endpoint.emulator.stats().requests();
      long allBytes = endpoint.emulator.stats().bytesOut();
      assertTrue(firstColumn(rest).size() > 1000, "a big table: " + firstColumn(rest).size());
      // column discovery, the runs listing and the first runs' history
      assertTrue(few <= 3, few + " requests for 5 rows");
      assertTrue(few * 3 < all, "5 rows cost " + few + " requests, all rows " + all);
      assertTrue(fewBytes * 10 < allBytes, "5 rows cost " + fewBytes + " bytes, all " + allBytes);
      query(client, "ROLLBACK");
    }
  }

  @Test
  void cursorsWithoutHoldEndWithTheTransactionAndNeedOne() throws Exception {
    try (RawPgClient client = connect()) {
      String declare = "DECLARE c CURSOR FOR SELECT run_id FROM runs ORDER BY run_id";
      assertEquals("25P01", outcome(query(client, declare)));
      query(client, "BEGIN");
      assertEquals("DECLARE CURSOR", outcome(query(client, declare)));
      assertEquals("42P03", outcome(query(client, declare)));
      // the error aborted the transaction: nothing but its end is taken
      assertEquals("25P02", outcome(query(client, "FETCH 1 FROM c")));
      assertEquals("ROLLBACK", outcome(query(client, "ROLLBACK")));
      assertEquals("34000", outcome(query(client, "FETCH 1 FROM c")));
      query(client, "BEGIN");
      query(client, declare);
      assertEquals("COMMIT", outcome(query(client, "COMMIT")));
      assertEquals("34000", outcome(query(client, "CLOSE c")));
    }
  }

  @Test
  void aCursorWithHoldOutlivesCommitsAndWorksOutsideTransactions() throws Exception {
    try (RawPgClient client = connect()) {
      String declare = "DECLARE \"Held\" CURSOR WITH HOLD FOR SELECT run_id FROM runs ORDER BY 1";
      assertEquals("DECLARE CURSOR", outcome(query(client, declare)));
      assertEquals(runIds.subList(0, 2), firstColumn(query(client, "FETCH 2 FROM \"Held\"")));
      query(client, "BEGIN");
      query(client, "DECLARE Other CURSOR FOR SELECT 1");
      assertEquals("COMMIT", outcome(query(client, "COMMIT")));
      assertEquals(List.of(runIds.get(2)), firstColumn(query(client, "FETCH \"Held\"")));
      assertEquals("34000", outcome(query(client, "FETCH held")));
      assertEquals("34000", outcome(query(client, "FETCH other")));
      assertEquals("CLOSE CURSOR ALL", outcome(query(client, "CLOSE ALL")));
      assertEquals("34000", outcome(query(client, "FETCH \"Held\"")));
    }
  }

  @Test
  void aSessionHoldsABoundedNumberOfCursors() throws Exception {
    try (RawPgClient client = connect()) {
      for (int i = 0; i < OpenCursors.MAX_OPEN; i++) {
        assertEquals(
            "DECLARE CURSOR",
            outcome(query(client, "DECLARE c" + i + " CURSOR WITH HOLD FOR SELECT 1 AS x")));
      }
      assertEquals(
          "54000", outcome(query(client, "DECLARE one_more CURSOR WITH HOLD FOR SELECT 1 AS x")));
      assertEquals("CLOSE CURSOR", outcome(query(client, "CLOSE c0")));
      assertEquals(
          "DECLARE CURSOR",
          outcome(query(client, "DECLARE one_more CURSOR WITH HOLD FOR SELECT 1 AS x")));
      query(client, "CLOSE ALL");
    }
  }

  @Test
  void cursorsOnlyScanForward() throws Exception {
    try (RawPgClient client = connect()) {
      query(client, "BEGIN");
      assertEquals("0A000", outcome(query(client, "DECLARE s SCROLL CURSOR FOR SELECT 1")));
      query(client, "ROLLBACK");
      query(client, "BEGIN");
      query(client, "DECLARE c CURSOR FOR SELECT run_id FROM runs");
      assertEquals("55000", outcome(query(client, "FETCH BACKWARD 1 FROM c")));
      query(client, "ROLLBACK");
    }
  }

  @Test
  void aBinaryCursorSendsItsRowsInBinary() throws Exception {
    try (RawPgClient client = connect()) {
      query(client, "BEGIN");
      query(client, "DECLARE b BINARY CURSOR FOR SELECT CAST(7 AS BIGINT) AS n");
      List<RawPgClient.Message> rows = query(client, "FETCH ALL FROM b");
      assertEquals("TDCZ", types(rows));
      ByteBuffer description = ByteBuffer.wrap(rows.get(0).body());
      assertEquals(1, description.getShort(description.capacity() - 2), "format code 1");
      ByteBuffer row = ByteBuffer.wrap(rows.get(1).body());
      row.getShort();
      assertEquals(8, row.getInt());
      assertEquals(7L, row.getLong());
      query(client, "ROLLBACK");
    }
  }

  @Test
  void extendedQueryDeclaresWithParametersAndDescribesTheCursorByName() throws Exception {
    try (RawPgClient client = connect()) {
      query(client, "BEGIN");
      client.send(
          'P',
          concat(
              cstring(""),
              cstring("DECLARE \"p\" CURSOR FOR SELECT run_id FROM runs WHERE run_id > $1"),
              int16(0)));
      byte[] after = runIds.get(37).getBytes(StandardCharsets.UTF_8);
      client.send(
          'B',
          concat(
              cstring(""), cstring(""), int16(0), int16(1), int32(after.length), after, int16(0)));
      client.send('E', concat(cstring(""), int32(0)));
      client.send('S', new byte[0]);
      List<RawPgClient.Message> declared = client.untilReady();
      assertEquals("12CZ", types(declared));
      client.send('D', concat(new byte[] {'P'}, cstring("p")));
      client.send('S', new byte[0]);
      List<RawPgClient.Message> described = client.untilReady();
      assertEquals("TZ", types(described));
      client.send('P', concat(cstring(""), cstring("FETCH FORWARD 5 FROM \"p\""), int16(0)));
      client.send('B', concat(cstring(""), cstring(""), int16(0), int16(0), int16(0)));
      client.send('D', concat(new byte[] {'P'}, cstring("")));
      client.send('E', concat(cstring(""), int32(0)));
      client.send('S', new byte[0]);
      List<RawPgClient.Message> fetched = client.untilReady();
      assertEquals("12TDDCZ", types(fetched));
      assertEquals(runIds.subList(38, 40), firstColumn(fetched));
      assertEquals("FETCH 2", outcome(fetched));
      query(client, "ROLLBACK");
    }
  }
}
