package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.Fault;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API key, raw or as the Basic credential sent to W&B, appears in nothing the driver shows:
 * messages of successful and failed work, logs with {@code logRequests=true}, {@code toString()} of
 * the JDBC objects, metadata, EXPLAIN, client info and thread names. Everything the driver shows is
 * collected into one text and searched.
 */
class SecretsTest {
  private static final String KEY = "sekrit-0123456789abcdef0123456789abcdef0123";
  private static final String BASIC =
      Base64.getEncoder().encodeToString(("api:" + KEY).getBytes(StandardCharsets.UTF_8));
  private static final String KEY_BASE64 =
      Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
  private static WandbEmulator emulator;

  private final StringBuilder shown = new StringBuilder();
  private final Logger clientLogger = Logger.getLogger("io.github.wandbjdbc.client");
  private final Handler logCapture =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          synchronized (shown) {
            shown.append(formatter.format(record));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withApiKeys(Set.of(KEY)),
            DatasetGenerator.generate(GeneratorSpec.defaults(9).withRunsPerProject(12)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void captureLogs() {
    clientLogger.addHandler(logCapture);
    Logger.getLogger("").addHandler(logCapture);
  }

  @AfterEach
  void stopCapturing() {
    clientLogger.removeHandler(logCapture);
    Logger.getLogger("").removeHandler(logCapture);
  }

  private static String url(String extra) {
    return emulator.jdbcUrl("demo") + ";logRequests=true;maxRetries=1" + extra;
  }

  @Test
  void theKeyAppearsInNothingTheDriverShows() throws Exception {
    try (Connection connection = DriverManager.getConnection(url(""))) {
      show(connection);
      show(connection.getClientInfo());
      show(connection.getClientInfo("apiKey"));
      show(connection.getClientInfo("password"));
      DatabaseMetaData metadata = connection.getMetaData();
      show(metadata, metadata.getURL(), metadata.getUserName());
      show(connection.unwrap(org.apache.calcite.jdbc.CalciteConnection.class).getProperties());
      try (Statement statement = connection.createStatement()) {
        show(statement);
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT run_id, state, config FROM runs WHERE state = 'finished'")) {
          ResultSetMetaData columns = rows.getMetaData();
          show(rows, columns);
          while (rows.next()) {
            show(rows.getString(1), rows.getString(2), rows.getString(3));
          }
        }
        showAll(statement, "EXPLAIN PLAN FOR SELECT run_id FROM runs WHERE state = 'x'");
        showFailure(() -> statement.executeQuery("SELECT nope FROM runs"));
        showFailure(() -> statement.executeQuery("SELEC 1"));
        showFailure(() -> statement.executeQuery("DELETE FROM runs"));
        emulator.faults().enqueue(Fault.status(500), Fault.status(500));
        showFailure(() -> statement.executeQuery("SELECT run_id FROM runs"));
        emulator.faults().enqueue(Fault.status(401));
        showFailure(() -> statement.executeQuery("SELECT run_id FROM runs"));
        // A server (or proxy) that echoes the credentials back must not carry them into messages.
        emulator.faults().enqueue(Fault.graphqlError("bad credentials " + KEY + " / " + BASIC));
        showFailure(() -> statement.executeQuery("SELECT run_id FROM runs"));
      }
      try (PreparedStatement prepared =
          connection.prepareStatement("SELECT run_id FROM runs WHERE state = ?")) {
        prepared.setString(1, "finished");
        show(prepared);
        showAll(prepared);
      }
      show(threadNames());
    }
    assertTrue(shown.toString().contains("W&B Runs: HTTP 500"), "request logs were captured");
    assertTrue(shown.toString().contains("W&B RunCount") || shown.toString().contains("W&B Runs"));
    assertNoSecret();
  }

  @Test
  void failuresAtConnectDoNotShowTheKey() {
    showFailure(
        () -> DriverManager.getConnection(url("").replace(KEY, KEY.toUpperCase(Locale.ROOT))));
    emulator.faults().enqueue(Fault.status(500), Fault.status(500));
    showFailure(() -> DriverManager.getConnection(url("")));
    showFailure(() -> DriverManager.getConnection(url(";colour=" + KEY)));
    showFailure(() -> DriverManager.getConnection(url(";" + KEY)));
    String upper = KEY.toUpperCase(Locale.ROOT);
    assertFalse(shown.toString().contains(upper), "the wrong key was shown:\n" + shown);
    assertNoSecret();
  }

  @Test
  void propertyInfoAndSettingsDoNotShowTheKey() throws SQLException {
    Driver driver = DriverManager.getDriver("jdbc:wandb:");
    Properties info = new Properties();
    info.setProperty("password", KEY);
    for (DriverPropertyInfo property : driver.getPropertyInfo(url(""), info)) {
      show(property.name, property.value, property.description);
    }
    show(ClientSettings.of(emulator.baseUrl(), KEY));
    assertNoSecret();
  }

  /** HTTPS unless told otherwise, and no code that could weaken certificate or host checks. */
  @Test
  void tlsIsTheDefaultAndNothingTurnsItsChecksOff() throws IOException, SQLException {
    DriverPropertyInfo baseUrl =
        Stream.of(
                DriverManager.getDriver("jdbc:wandb:")
                    .getPropertyInfo("jdbc:wandb:", new Properties()))
            .filter(p -> p.name.equals("baseUrl"))
            .findFirst()
            .orElseThrow();
    assertEquals("https://api.wandb.ai", baseUrl.value);
    List<String> weakening = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(source);
        for (String risky :
            List.of(
                "TrustManager",
                "HostnameVerifier",
                "hostnameVerifier(",
                "sslSocketFactory(",
                "certificatePinner(",
                "CLEARTEXT",
                "setDefaultSSLSocketFactory")) {
          if (text.contains(risky)) {
            weakening.add(source + ": " + risky);
          }
        }
      }
    }
    assertEquals(List.of(), weakening);
  }

  private void show(Object... values) {
    synchronized (shown) {
      for (Object value : values) {
        shown.append(value).append('\n');
      }
    }
  }

  private void showAll(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      showRows(rows);
    }
  }

  private void showAll(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      showRows(rows);
    }
  }

  private void showRows(ResultSet rows) throws SQLException {
    int columns = rows.getMetaData().getColumnCount();
    while (rows.next()) {
      for (int i = 1; i <= columns; i++) {
        show(rows.getString(i));
      }
    }
  }

  /** The failure's messages, toString and whole stack trace, causes and suppressed included. */
  private void showFailure(SqlAction action) {
    Exception failure = assertThrows(Exception.class, action::run);
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    show(trace);
    for (Throwable e = failure; e != null; e = e.getCause()) {
      show(e.getMessage(), e.getLocalizedMessage());
      if (e instanceof SQLException sql) {
        show(sql.getSQLState());
      }
    }
  }

  private static List<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
  }

  private void assertNoSecret() {
    String text = shown.toString();
    assertTrue(text.length() > 1_000, "too little was collected to prove anything");
    for (String secret : List.of(KEY, BASIC, KEY_BASE64)) {
      int at = text.indexOf(secret);
      assertEquals(
          -1,
          at,
          () ->
              "secret shown: ..."
                  + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 100)));
    }
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws Exception;
  }
}
