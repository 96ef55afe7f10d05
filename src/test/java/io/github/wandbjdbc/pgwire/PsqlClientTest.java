package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's psql against the endpoint: queries, {@code \dt}, {@code \d}, {@code \copy}, errors. */
class PsqlClientTest {
  private static final String PSQL = "/usr/bin/psql";
  private static final String RUNS_SQL =
      "SELECT run_id, state, created_at, \"summary.loss\" FROM runs ORDER BY created_at, run_id"
          + " LIMIT 8";

  private static PgEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.writeRecord("psql");
    endpoint.close();
  }

  private ExternalClient psql(String password, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                PSQL,
                "--no-psqlrc",
                "--csv",
                "-v",
                "VERBOSITY=verbose",
                "postgresql://wandb@127.0.0.1:" + endpoint.port() + "/" + endpoint.entity()));
    command.addAll(List.of(args));
    ExternalClient result =
        ExternalClient.run(dir, Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"), command);
    assertFalse(
        result.out().contains(endpoint.apiKey()) || result.err().contains(endpoint.apiKey()));
    return result;
  }

  @Test
  void aQueryReturnsTheRowsJdbcReadsInPostgresTextForm() throws Exception {
    ExternalClient result = psql(endpoint.apiKey(), "-c", RUNS_SQL);
    assertEquals(0, result.exit(), result.err());
    List<String> expected = new ArrayList<>(List.of("run_id,state,created_at,summary.loss"));
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(RUNS_SQL)) {
      while (rs.next()) {
        double loss = rs.getDouble(4);
        String lossText = rs.wasNull() ? "" : PgText.floatText(loss);
        expected.add(
            String.join(
                ",",
                rs.getString(1),
                rs.getString(2),
                PgText.timestampText(rs.getTimestamp(3).toInstant()),
                lossText));
      }
    }
    assertEquals(expected, result.out().lines().toList());
    assertTrue(expected.stream().anyMatch(l -> l.endsWith(",NaN")), "a NaN among the rows");
  }

  @Test
  void severalStatementsInOneQueryMessageAnswerInTurn() throws Exception {
    ExternalClient result =
        psql(endpoint.apiKey(), "-c", "SELECT 1 AS a; SELECT COUNT(*) AS n FROM runs; SET x = 1");
    assertEquals(0, result.exit(), result.err());
    assertEquals(List.of("a", "1", "n", "40", "SET"), result.out().lines().toList());
  }

  @Test
  void listTablesAndDescribeATableComeFromTheDriversMetadata() throws Exception {
    ExternalClient tables = psql(endpoint.apiKey(), "-c", "\\dt");
    assertEquals(0, tables.exit(), tables.err());
    assertEquals(
        List.of(
            "Schema,Name,Type,Owner",
            "demo,histories,table,wandb",
            "demo,runs,table,wandb",
            "demo,sampled_histories,table,wandb",
            "demo,system_metrics,table,wandb"),
        tables.out().lines().toList());

    ExternalClient describe = psql(endpoint.apiKey(), "-c", "\\d runs");
    assertEquals(0, describe.exit(), describe.err());
    List<String> expected = new ArrayList<>(List.of("Column,Type,Collation,Nullable,Default"));
    try (Connection c = endpoint.jdbc();
        ResultSet rs = c.getMetaData().getColumns(null, "demo", "runs", "%")) {
      while (rs.next()) {
        String type = FormatType.of(rs.getInt("DATA_TYPE"));
        boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
        expected.add(
            rs.getString("COLUMN_NAME") + "," + type + ",," + (notNull ? "not null" : "") + ",");
      }
    }
    assertEquals(expected, describe.out().lines().toList());
  }

  @Test
  void copyToAFileWritesCsvWithAHeader() throws Exception {
    Path file = dir.resolve("runs.csv");
    ExternalClient result =
        psql(
            endpoint.apiKey(),
            "-c",
            "\\copy (SELECT run_id, state FROM runs ORDER BY run_id LIMIT 3) TO '"
                + file
                + "' CSV HEADER");
    assertEquals(0, result.exit(), result.err());
    List<String> expected = new ArrayList<>(List.of("run_id,state"));
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT run_id, state FROM runs ORDER BY run_id LIMIT 3")) {
      while (rs.next()) {
        expected.add(rs.getString(1) + "," + rs.getString(2));
      }
    }
    assertEquals(expected, Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  @Test
  void errorsCarryPostgresSqlStatesAndTheSessionGoesOn() throws Exception {
    ExternalClient result =
        psql(
            endpoint.apiKey(),
            "-c",
            "SELEC 1",
            "-c",
            "INSERT INTO runs (run_id) VALUES ('x')",
            "-c",
            "SELECT nope FROM runs",
            "-c",
            "SELECT 2 AS still_here");
    assertTrue(result.err().contains("ERROR:  42601:"), result.err());
    assertTrue(result.err().contains("ERROR:  25006: wandb-jdbc is read-only"), result.err());
    assertTrue(result.err().contains("ERROR:  42703:"), result.err());
    assertEquals(List.of("still_here", "2"), result.out().lines().toList());
  }

  @Test
  void aWrongMissingOrBlankPasswordIsRefusedWith28P01() throws Exception {
    // a blank one must not let the driver fall back to the server's WANDB_API_KEY or ~/.netrc
    for (String password : List.of("not-the-key", "", "  ")) {
      ExternalClient result = psql(password, "-w", "-c", "SELECT 1");
      assertEquals(2, result.exit());
      assertTrue(
          result.err().contains("password authentication failed for user \"wandb\"")
              || result.err().contains("no password supplied"),
          result.err());
    }
  }

  @Test
  void sslIsDeclinedSoRequireFailsAndPreferFallsBack() throws Exception {
    String base =
        "host=127.0.0.1 port=" + endpoint.port() + " user=wandb dbname=" + endpoint.entity();
    ExternalClient require =
        ExternalClient.run(
            dir,
            Map.of("PGPASSWORD", endpoint.apiKey()),
            List.of(PSQL, "--no-psqlrc", base + " sslmode=require", "-c", "SELECT 1"));
    assertEquals(2, require.exit());
    assertTrue(require.err().contains("server does not support SSL"), require.err());
    ExternalClient prefer =
        ExternalClient.run(
            dir,
            Map.of("PGPASSWORD", endpoint.apiKey()),
            List.of(PSQL, "--no-psqlrc", "--csv", base + " sslmode=prefer", "-c", "SELECT 3 AS x"));
    assertEquals(0, prefer.exit(), prefer.err());
    assertEquals(List.of("x", "3"), prefer.out().lines().toList());
  }

  @Test
  void withASharedPasswordClientsProveItBySCRAM() throws Exception {
    try (PgEndpoint shared =
        PgEndpoint.start(io.github.wandbjdbc.emulator.EmulatorConfig.defaults(), "s3cret pw")) {
      String uri = "postgresql://analyst@127.0.0.1:" + shared.port() + "/" + shared.entity();
      ExternalClient ok =
          ExternalClient.run(
              dir,
              Map.of("PGPASSWORD", "s3cret pw"),
              List.of(PSQL, "--no-psqlrc", "--csv", uri, "-c", "SELECT COUNT(*) AS n FROM runs"));
      assertEquals(0, ok.exit(), ok.err());
      assertEquals(List.of("n", "40"), ok.out().lines().toList());
      for (String wrong : List.of("s3cret", shared.apiKey())) {
        ExternalClient refused =
            ExternalClient.run(
                dir,
                Map.of("PGPASSWORD", wrong),
                List.of(PSQL, "--no-psqlrc", uri, "-c", "SELECT 1"));
        assertEquals(2, refused.exit());
        assertTrue(
            refused.err().contains("password authentication failed for user \"analyst\""),
            refused.err());
      }
    }
  }

  @Test
  void sessionFunctionsAndSearchPathAnswerForTheSession() throws Exception {
    ExternalClient result =
        psql(
            endpoint.apiKey(),
            "-c",
            "SELECT current_user, current_database(), current_schema()",
            "-c",
            "SET search_path TO \"image-classification\"",
            "-c",
            "SHOW search_path",
            "-c",
            "SELECT COUNT(*) AS n FROM runs");
    assertEquals(0, result.exit(), result.err());
    long imageRuns;
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"image-classification\".runs")) {
      rs.next();
      imageRuns = rs.getLong(1);
    }
    assertEquals(
        List.of(
            "current_user,current_database,current_schema",
            "wandb," + endpoint.entity() + ",demo",
            "SET",
            "search_path",
            "image-classification",
            "n",
            String.valueOf(imageRuns)),
        result.out().lines().toList());
  }

  @Test
  void anotherDatabaseThanTheEntityIsRefused() throws Exception {
    ExternalClient result =
        ExternalClient.run(
            dir,
            Map.of("PGPASSWORD", endpoint.apiKey()),
            List.of(
                PSQL,
                "--no-psqlrc",
                "postgresql://wandb@127.0.0.1:" + endpoint.port() + "/other-team",
                "-c",
                "SELECT 1"));
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("database \"other-team\" does not exist"), result.err());
  }

  @Test
  void withACertificateSslModeRequireGetsTls() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    ExternalClient openssl =
        ExternalClient.run(
            dir,
            Map.of(),
            List.of(
                "/usr/bin/openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1"));
    assertEquals(0, openssl.exit(), openssl.err());
    try (PgEndpoint tls = PgEndpoint.startTls(cert, key)) {
      String base = "host=127.0.0.1 port=" + tls.port() + " user=wandb dbname=" + tls.entity();
      ExternalClient require =
          ExternalClient.run(
              dir,
              Map.of("PGPASSWORD", tls.apiKey()),
              List.of(
                  PSQL,
                  "--no-psqlrc",
                  "--csv",
                  base + " sslmode=require",
                  "-c",
                  "\\conninfo",
                  "-c",
                  "SELECT COUNT(*) AS n FROM runs"));
      assertEquals(0, require.exit(), require.err());
      assertTrue(require.out().contains("SSL connection (protocol: TLSv1."), require.out());
      assertTrue(require.out().endsWith("n\n40\n"), require.out());
      ExternalClient plain =
          ExternalClient.run(
              dir,
              Map.of("PGPASSWORD", tls.apiKey()),
              List.of(
                  PSQL, "--no-psqlrc", "--csv", base + " sslmode=disable", "-c", "SELECT 1 AS x"));
      assertEquals(0, plain.exit(), plain.err());
      assertEquals(List.of("x", "1"), plain.out().lines().toList());
    }
  }
}
