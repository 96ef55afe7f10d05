package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
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

/**
 * psqlODBC (Debian's odbc-postgresql, what Excel and Power BI load) through unixODBC's isql, with a
 * DSN in a private odbc.ini.
 */
class PgOdbcClientTest {
  private static final String DRIVER = "/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so";
  private static final String SQL =
      "SELECT run_id, state, history_line_count, \"summary.loss\" FROM runs ORDER BY run_id";

  private static PgEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    endpoint = PgEndpoint.start();
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.writeRecord("psqlodbc");
    endpoint.close();
  }

  @Test
  void isqlReadsWhatJdbcReads() throws Exception {
    Files.writeString(
        dir.resolve("odbc.ini"),
        String.join(
            "\n",
            "[wandb]",
            "Driver=" + DRIVER,
            "Servername=127.0.0.1",
            "Port=" + endpoint.port(),
            "Database=" + endpoint.entity(),
            "Username=wandb",
            "Password=" + endpoint.apiKey(),
            "SSLMode=disable",
            ""));
    Files.writeString(dir.resolve("odbcinst.ini"), "");
    Files.writeString(dir.resolve("query.sql"), SQL + "\n");
    ExternalClient run =
        ExternalClient.run(
            dir,
            Map.of("ODBCINI", dir.resolve("odbc.ini").toString(), "ODBCSYSINI", dir.toString()),
            List.of(
                "/bin/sh",
                "-c",
                "test -f " + DRIVER + " || exit 3; /usr/bin/isql wandb -b -d, -c < query.sql"));
    assertEquals(0, run.exit(), "isql (unixodbc, odbc-postgresql installed?): " + run.err());
    List<String> expected =
        new ArrayList<>(List.of("run_id,state,history_line_count,summary.loss"));
    try (Connection c = endpoint.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      while (rs.next()) {
        double loss = rs.getDouble(4);
        String lossText = rs.wasNull() ? "" : PgText.floatText(loss);
        expected.add(
            String.join(
                ",", rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3)), lossText));
      }
    }
    assertEquals(expected, run.out().lines().toList(), run.err());
  }
}
