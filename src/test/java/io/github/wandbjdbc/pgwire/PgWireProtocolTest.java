package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.RawPgClient.concat;
import static io.github.wandbjdbc.pgwire.RawPgClient.cstring;
import static io.github.wandbjdbc.pgwire.RawPgClient.int16;
import static io.github.wandbjdbc.pgwire.RawPgClient.int32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.EmulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Byte-level cases no real client sends: bad input, row-limited portals, cancel, disconnect. */
class PgWireProtocolTest {
  private static PgEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    // 5 runs per W&B page, so a portal's progress shows in the emulator's page count
    endpoint = PgEndpoint.start(EmulatorConfig.defaults(), null, ";pageSize=5");
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.close();
  }

  private static RawPgClient connect() throws Exception {
    return RawPgClient.connect(endpoint.port(), endpoint.entity(), endpoint.apiKey());
  }

  private static String types(List<RawPgClient.Message> messages) {
    StringBuilder types = new StringBuilder();
    messages.forEach(m -> types.append(m.type()));
    return types.toString();
  }

  @Test
  void anUnknownMessageTypeIsAFatal08P01() throws Exception {
    try (RawPgClient client = connect()) {
      client.send('!', new byte[0]);
      RawPgClient.Message error = client.read();
      assertEquals('E', error.type());
      assertEquals("08P01", error.sqlState());
      assertEquals(-1, client.endOfStream());
    }
  }

  @Test
  void aMessageOver64MiBIsRefusedUnread() throws Exception {
    try (RawPgClient client = connect()) {
      client.out.writeByte('Q');
      client.out.writeInt((64 << 20) + 5);
      client.out.flush();
      RawPgClient.Message error = client.read();
      assertEquals("54000", error.sqlState());
      assertEquals(-1, client.endOfStream());
    }
  }

  @Test
  void protocolTwoIsRefusedAndThreeOneNegotiatedDown() throws Exception {
    try (RawPgClient client = new RawPgClient(endpoint.port())) {
      client.startup(2 << 16, Map.of("user", "wandb"));
      RawPgClient.Message error = client.read();
      assertEquals("0A000", error.sqlState());
    }
    try (RawPgClient client = new RawPgClient(endpoint.port())) {
      client.startup(
          (3 << 16) | 1,
          Map.of("user", "wandb", "database", endpoint.entity(), "_pq_.future", "x"));
      RawPgClient.Message negotiate = client.read();
      assertEquals('v', negotiate.type());
      assertEquals(
          new String(
              concat(int32(0), int32(1), cstring("_pq_.future")),
              java.nio.charset.StandardCharsets.UTF_8),
          negotiate.text());
      assertEquals('R', client.read().type());
    }
  }

  @Test
  void sslRequestIsAnsweredNAndStartUpGoesOn() throws Exception {
    try (RawPgClient client = new RawPgClient(endpoint.port())) {
      client.out.writeInt(8);
      client.out.writeInt(80877103);
      client.out.flush();
      assertEquals('N', client.readByte());
      client.startup(3 << 16, Map.of("user", "wandb", "database", endpoint.entity()));
      assertEquals('R', client.read().type());
    }
  }

  @Test
  void anErrorInExtendedQuerySkipsToSyncAndTheSessionGoesOn() throws Exception {
    try (RawPgClient client = connect()) {
      client.send('P', concat(cstring(""), cstring("SELEC 1"), int16(0)));
      client.send('B', concat(cstring(""), cstring(""), int16(0), int16(0), int16(0)));
      client.send('E', concat(cstring(""), int32(0)));
      client.send('S', new byte[0]);
      List<RawPgClient.Message> answer = client.untilReady();
      assertEquals("EZ", types(answer));
      assertEquals("42601", answer.get(0).sqlState());
      client.send('Q', cstring("SELECT 7 AS x"));
      assertEquals("TDCZ", types(client.untilReady()));
    }
  }

  @Test
  void aRowLimitedPortalReadsTheScanOnlyAsFarAsAsked() throws Exception {
    try (RawPgClient client = connect()) {
      client.send('Q', cstring("BEGIN"));
      assertEquals("CZ", types(client.untilReady()));
      endpoint.emulator.stats().reset();
      client.send('P', concat(cstring(""), cstring("SELECT run_id FROM runs"), int16(0)));
      client.send('B', concat(cstring("p"), cstring(""), int16(0), int16(0), int16(0)));
      client.send('E', concat(cstring("p"), int32(3)));
      client.send('H', new byte[0]);
      StringBuilder first = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        first.append(client.read().type());
      }
      assertEquals("12DDDs", first.toString());
      // the project's column discovery may be one of them; the 40 runs take 8 pages of 5
      long afterThreeRows = endpoint.emulator.stats().operations().getOrDefault("Runs", 0L);
      assertTrue(afterThreeRows <= 2, endpoint.emulator.stats().operations().toString());
      client.send('E', concat(cstring("p"), int32(0)));
      client.send('S', new byte[0]);
      List<RawPgClient.Message> rest = client.untilReady();
      assertEquals("D".repeat(37) + "CZ", types(rest));
      assertEquals("SELECT 40\0", rest.get(37).text());
      assertEquals('T', rest.get(38).body()[0]);
      long afterAll = endpoint.emulator.stats().operations().getOrDefault("Runs", 0L);
      assertEquals(7, afterAll - afterThreeRows, "the other 7 pages, read by the second Execute");
    }
  }

  @Test
  void binaryParametersAndResultsCarryEachTypeAsPostgresSendsIt() throws Exception {
    String select =
        "SELECT history_line_count, \"summary.loss\", \"config.use_amp\", created_at, run_id"
            + " FROM runs WHERE history_line_count >= %s AND state = %s ORDER BY run_id";
    String sql = String.format(select, "?", "?");
    List<Object> expected = new java.util.ArrayList<>();
    try (java.sql.Connection c = endpoint.jdbc();
        java.sql.PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, 150);
      s.setString(2, "finished");
      try (java.sql.ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        expected.add(rs.getLong(1));
        expected.add(rs.getDouble(2));
        expected.add(rs.getBoolean(3));
        expected.add(rs.getTimestamp(4).toInstant());
        expected.add(rs.getString(5));
      }
    }
    try (RawPgClient client = connect()) {
      client.send(
          'P',
          concat(
              cstring(""),
              cstring(String.format(select, "$1", "$2")),
              int16(2),
              int32(20),
              int32(25)));
      byte[] lines = PgType.INT8.binary(150L);
      byte[] state = PgType.TEXT.binary("finished");
      client.send(
          'B',
          concat(
              cstring(""),
              cstring(""),
              int16(1),
              int16(1),
              int16(2),
              int32(lines.length),
              lines,
              int32(state.length),
              state,
              int16(1),
              int16(1)));
      client.send('D', concat(new byte[] {'P'}, cstring("")));
      client.send('E', concat(cstring(""), int32(1)));
      client.send('S', new byte[0]);
      List<RawPgClient.Message> answer = client.untilReady();
      assertEquals("12TDsZ", types(answer));
      java.nio.ByteBuffer row = java.nio.ByteBuffer.wrap(answer.get(3).body());
      assertEquals(5, row.getShort());
      List<PgType> types =
          List.of(PgType.INT8, PgType.FLOAT8, PgType.BOOL, PgType.TIMESTAMP, PgType.TEXT);
      for (int i = 0; i < 5; i++) {
        byte[] value = new byte[row.getInt()];
        row.get(value);
        assertEquals(expected.get(i), types.get(i).decode(value, true), "column " + (i + 1));
      }
    }
  }
}
