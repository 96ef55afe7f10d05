package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node-postgres (npm {@code pg}, installed by bin/run-tests into src/test/node) against the
 * endpoint: a parameterized query, a named prepared statement run twice, an error. Its results are
 * text: pg 8.23's parser has no binary mode.
 */
class PgNodeClientTest {
  private static final Path NODE_DIR = Path.of(System.getProperty("basedir", "."), "src/test/node");
  private static final String SQL =
      "SELECT run_id, history_line_count, \"summary.loss\", created_at, \"config.use_amp\""
          + " FROM runs WHERE state = ? AND history_line_count >= ? ORDER BY run_id";

  private static PgEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.writeRecord("node-postgres");
    endpoint.close();
  }

  /** The rows as node-postgres prints them: strings, ISO timestamps, null. */
  private static ArrayNode expected(String state, long minLines) throws Exception {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    try (Connection c = endpoint.jdbc();
        PreparedStatement s = c.prepareStatement(SQL)) {
      s.setString(1, state);
      s.setLong(2, minLines);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ArrayNode row = rows.addArray();
          row.add(rs.getString(1));
          row.add(String.valueOf(rs.getLong(2)));
          double loss = rs.getDouble(3);
          if (rs.wasNull()) {
            row.addNull();
          } else {
            row.add(Double.isNaN(loss) ? "NaN" : jsNumber(loss));
          }
          row.add(rs.getTimestamp(4).toInstant().toString().replaceFirst("Z$", ".000Z"));
          row.add(String.valueOf(rs.getBoolean(5)));
        }
      }
    }
    return rows;
  }

  /** JavaScript's String(number): no ".0" on whole numbers. */
  private static String jsNumber(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  @Test
  void parameterizedQueriesReadWhatJdbcReads() throws Exception {
    assertTrue(
        Files.isDirectory(NODE_DIR.resolve("node_modules/pg")),
        "npm pg is missing: run `npm ci --prefix src/test/node` (bin/run-tests does)");
    ExternalClient run =
        ExternalClient.run(
            dir,
            Map.of("PGPASSWORD", endpoint.apiKey(), "TZ", "UTC"),
            List.of(
                "/usr/bin/node",
                NODE_DIR.resolve("pg_client.js").toString(),
                String.valueOf(endpoint.port()),
                endpoint.entity()));
    assertEquals(0, run.exit(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());
    ArrayNode finished = expected("finished", 100);
    assertTrue(finished.size() > 3);
    assertEquals(finished, result.get("text"));
    ArrayNode crashed = expected("crashed", 0);
    assertEquals(crashed, result.get("named").get(0));
    assertEquals(crashed, result.get("named").get(1));
    assertEquals("42703", result.get("error").asText());
    assertEquals("40", result.get("after_error").asText());
  }
}
