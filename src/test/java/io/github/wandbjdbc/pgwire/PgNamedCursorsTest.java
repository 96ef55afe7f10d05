package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side cursors from Debian's python3: psycopg2 named cursors (itersize, WITH HOLD), psycopg
 * 3 server cursors (parameters bound in DECLARE, text and binary) and SQLAlchemy's stream_results
 * with yield_per. Each must read what JDBC reads, in the batches the client asked for.
 */
class PgNamedCursorsTest {
  private static final Path SCRIPT =
      Path.of(System.getProperty("basedir", "."), "src/test/resources/pg-clients/named_cursors.py");

  private static PgEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.writeRecord("named-cursors");
    endpoint.close();
  }

  private static List<String> column(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void namedCursorsReadWhatJdbcReadsInTheBatchesAsked() throws Exception {
    ExternalClient run = endpoint.runScript(dir, "/usr/bin/python3", SCRIPT);
    assertEquals(0, run.exit(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());
    List<String> runIds = column("SELECT run_id FROM runs ORDER BY run_id");

    assertEquals(runIds.get(0), result.get("psycopg2_first").asText());
    assertEquals(runIds.subList(1, 4), strings(result.get("psycopg2_three")));
    assertEquals(runIds.subList(4, runIds.size()), strings(result.get("psycopg2_rest")));
    assertEquals(
        column("SELECT run_id FROM runs WHERE state = 'crashed' ORDER BY run_id"),
        strings(result.get("psycopg2_held")));
    assertEquals(
        List.of("run_id", "history_line_count"), strings(result.get("psycopg3_description")));
    assertEquals(runIds.subList(0, 2), strings(result.get("psycopg3_two")));
    assertEquals(runIds.subList(2, runIds.size()), strings(result.get("psycopg3_rest")));
    assertEquals(
        column("SELECT history_line_count FROM runs ORDER BY run_id"),
        strings(result.get("psycopg3_binary")));
    List<String> streamed = new ArrayList<>();
    JsonNode partitions = result.get("sqlalchemy_partitions");
    partitions.forEach(p -> streamed.addAll(strings(p)));
    assertEquals(runIds, streamed);
    assertEquals(9, partitions.get(0).size(), "yield_per(9) reads 9 rows a batch");

    List<String> cursorStatements =
        endpoint.statements().stream()
            .filter(s -> s.startsWith("cursor\t"))
            .map(s -> s.substring(s.indexOf('\t') + 1))
            .toList();
    assertTrue(
        cursorStatements.contains("FETCH FORWARD 7 FROM \"runs_by_id\""),
        "psycopg2's itersize: " + cursorStatements);
    assertTrue(
        cursorStatements.stream().anyMatch(s -> s.matches("DECLARE \"held\" CURSOR WITH HOLD.*")),
        cursorStatements.toString());
    assertTrue(
        cursorStatements.stream().anyMatch(s -> s.matches("DECLARE \"psycopg3\" .*\\$1 .*")),
        "psycopg 3 binds its parameter in DECLARE: " + cursorStatements);
    assertTrue(
        cursorStatements.stream().anyMatch(s -> s.matches("DECLARE \"c_\\w+\" CURSOR .*")),
        "SQLAlchemy's stream_results declares a cursor: " + cursorStatements);
    assertTrue(
        cursorStatements.contains("FETCH FORWARD 4 FROM \"psycopg3\""),
        "psycopg 3's itersize: " + cursorStatements);
  }
}
