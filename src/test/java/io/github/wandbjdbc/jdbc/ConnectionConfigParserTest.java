package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionConfigParserTest {
  private static final String KEY = "k".repeat(40);

  @TempDir Path home;

  private ConnectionConfig parse(String url, Map<String, String> env, Properties info)
      throws SQLException {
    return new ConnectionConfigParser(env, home).parse(url, info);
  }

  private ConnectionConfig parse(String url) throws SQLException {
    return parse(url, Map.of(), new Properties());
  }

  @Test
  void defaults() throws SQLException {
    ConnectionConfig c = parse("jdbc:wandb:apiKey=" + KEY);
    assertEquals(KEY, c.apiKey());
    assertEquals("https://api.wandb.ai", c.baseUrl());
    assertNull(c.entity());
    assertNull(c.project());
    assertEquals(1000, c.pageSize());
    assertEquals(Duration.ofSeconds(60), c.timeout());
    assertEquals(8, c.maxRetries());
    assertEquals(Duration.ofSeconds(1), c.retryBackoff());
    assertEquals(Duration.ofSeconds(30), c.clientSettings().maxBackoff());
    assertEquals(8, c.concurrency());
    assertEquals(500, c.samples());
    assertFalse(c.logRequests());
    assertTrue(c.pushdown());
    assertFalse(c.descNullsLast());
    assertFalse(c.adapterSettings().descNullsLast());
    assertEquals("https://wandb.ai", c.appUrl());
  }

  @Test
  void theHistoryCacheIsOffUnlessAskedForAndLivesInTheUsersCacheDirectory() throws SQLException {
    ConnectionConfig c = parse("jdbc:wandb:apiKey=" + KEY);
    assertFalse(c.cache());
    assertFalse(c.historyCache().enabled());
    assertEquals(2L << 30, c.cacheMaxBytes());
    assertEquals(home.resolve(".cache/wandb-jdbc"), c.cacheDir());
    ConnectionConfig xdg =
        parse("jdbc:wandb:apiKey=" + KEY, Map.of("XDG_CACHE_HOME", "/xdg"), new Properties());
    assertEquals(Path.of("/xdg/wandb-jdbc"), xdg.cacheDir());
    ConnectionConfig on =
        parse("jdbc:wandb:apiKey=" + KEY + ";cache=true;cacheDir=/tmp/c;cacheMaxBytes=1048576");
    assertTrue(on.cache());
    assertEquals(Path.of("/tmp/c"), on.historyCache().directory());
    assertEquals(1L << 20, on.historyCache().maxBytes());
    assertEquals(1L << 20, on.cacheMaxBytes());
  }

  @Test
  void everyKeyExplicitly() throws SQLException {
    ConnectionConfig c =
        parse(
            "jdbc:wandb:apiKey="
                + KEY
                + ";baseUrl=http://127.0.0.1:8080/;"
                + "entity=acme;project=my-proj;pageSize=7;timeout=9;maxRetries=0;retryBackoffMs=40000;"
                + "concurrency=3;"
                + "samples=42;logRequests=true;pushdown=false;descNullsLast=TRUE");
    assertEquals("http://127.0.0.1:8080", c.baseUrl());
    assertEquals("acme", c.entity());
    assertEquals("my-proj", c.project());
    assertEquals(7, c.pageSize());
    assertEquals(Duration.ofSeconds(9), c.timeout());
    assertEquals(0, c.maxRetries());
    assertEquals(Duration.ofSeconds(40), c.retryBackoff());
    assertEquals(Duration.ofSeconds(40), c.clientSettings().initialBackoff());
    assertEquals(Duration.ofSeconds(40), c.clientSettings().maxBackoff());
    assertEquals(3, c.concurrency());
    assertEquals(42, c.samples());
    assertTrue(c.logRequests());
    assertFalse(c.pushdown());
    assertTrue(c.descNullsLast());
    assertTrue(c.adapterSettings().descNullsLast());
    assertEquals("http://127.0.0.1:8080", c.appUrl());
  }

  @Test
  void keysAreCaseInsensitiveAndPasswordIsTheApiKey() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "whoever");
    info.setProperty("password", KEY);
    ConnectionConfig c = parse("jdbc:wandb:ENTITY=acme;PageSize=5", Map.of(), info);
    assertEquals(KEY, c.apiKey());
    assertEquals("acme", c.entity());
    assertEquals(5, c.pageSize());
  }

  @Test
  void urlWinsOverProperties() throws SQLException {
    Properties info = new Properties();
    info.setProperty("project", "from-properties");
    info.setProperty("apiKey", KEY);
    assertEquals("from-url", parse("jdbc:wandb:project=from-url", Map.of(), info).project());
  }

  @Test
  void environmentDefaults() throws SQLException {
    ConnectionConfig c =
        parse(
            "jdbc:wandb:",
            Map.of(
                "WANDB_API_KEY",
                KEY,
                "WANDB_BASE_URL",
                "https://wandb.example.com",
                "WANDB_ENTITY",
                "team",
                "WANDB_PROJECT",
                "proj"),
            new Properties());
    assertEquals(KEY, c.apiKey());
    assertEquals("https://wandb.example.com", c.baseUrl());
    assertEquals("team", c.entity());
    assertEquals("proj", c.project());
  }

  @Test
  void netrcSuppliesTheKeyForTheBaseUrlHost() throws Exception {
    Files.writeString(
        home.resolve(".netrc"),
        "machine other.host login user password wrong\n"
            + "machine wandb.example.com login user password "
            + KEY
            + "\n");
    ConnectionConfig c = parse("jdbc:wandb:baseUrl=https://wandb.example.com");
    assertEquals(KEY, c.apiKey());
  }

  @Test
  void toStringAndDisplayUrlHideTheKey() throws SQLException {
    ConnectionConfig c = parse("jdbc:wandb:apiKey=" + KEY + ";entity=acme;project=p");
    assertFalse(c.toString().contains(KEY), c.toString());
    assertEquals("jdbc:wandb:baseUrl=https://api.wandb.ai;entity=acme;project=p", c.displayUrl());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:wandb:colour=blue|Unknown property 'colour'",
        "jdbc:wandb:model=/tmp/x.json|Property 'model' is not allowed",
        "jdbc:wandb:schemaFactory=x.Y|Property 'schemaFactory' is not allowed",
        "jdbc:wandb:typeSystem=x.Y|Property 'typeSystem' is not allowed",
        "jdbc:wandb:pageSize=0|Property 'pageSize' must be from 1 to 1000; got 0",
        "jdbc:wandb:pageSize=ten|Property 'pageSize' must be a whole number from 1 to 1000; got 'ten'",
        "jdbc:wandb:timeout=0|Property 'timeout' must be from 1 to 3600; got 0",
        "jdbc:wandb:maxRetries=-1|Property 'maxRetries' must be from 0 to 100; got -1",
        "jdbc:wandb:retryBackoffMs=60001|Property 'retryBackoffMs' must be from 0 to 60000; got 60001",
        "jdbc:wandb:concurrency=65|Property 'concurrency' must be from 1 to 64; got 65",
        "jdbc:wandb:samples=0|Property 'samples' must be from 1 to 100000; got 0",
        "jdbc:wandb:pushdown=yes|Property 'pushdown' must be true or false; got 'yes'",
        "jdbc:wandb:descNullsLast=last|Property 'descNullsLast' must be true or false; got 'last'",
        "jdbc:wandb:cacheMaxBytes=0|Property 'cacheMaxBytes' must be from 1 to 1099511627776; got 0",
        "jdbc:wandb:logRequests=1|Property 'logRequests' must be true or false; got '1'",
        "jdbc:wandb:baseUrl=ftp://host|Property 'baseUrl' must be an http(s) URL with a host",
        "jdbc:wandb:entity=a;entity=b|Property 'entity' is given twice with different values",
        "jdbc:wandb:baseUrl=http://host:99999|Property 'baseUrl' must be an http(s) URL with a host",
        "jdbc:wandb:entity=a;garbage|URL segment 2 is not of the form key=value",
      })
  void badInputNamesTheProblemAndShowsTheFormat(String url, String expected) {
    Properties info = new Properties();
    info.setProperty("apiKey", KEY);
    SQLException e =
        assertThrows(SQLNonTransientConnectionException.class, () -> parse(url, Map.of(), info));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    assertTrue(
        e.getMessage().contains("URL format: jdbc:wandb:entity=<entity>;project=<project>"),
        e.getMessage());
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void blankValuesCountAsAbsent() throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", KEY);
    info.setProperty("entity", " ");
    ConnectionConfig c = parse("jdbc:wandb:apiKey=;project=p", Map.of(), info);
    assertEquals(KEY, c.apiKey());
    assertNull(c.entity());
  }

  @Test
  void apiKeyAndPasswordMustAgree() throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", KEY);
    info.setProperty("apiKey", KEY);
    assertEquals(KEY, parse("jdbc:wandb:", Map.of(), info).apiKey());
    info.setProperty("apiKey", "j".repeat(40));
    SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:wandb:", Map.of(), info));
    assertTrue(
        e.getMessage().startsWith("Property 'apiKey' is given twice with different values"),
        e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
  }

  @Test
  void unreadableNetrcIsAnSqlException() throws Exception {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> parse("jdbc:wandb:entity=acme", Map.of("NETRC", "bad\0path"), new Properties()));
    assertTrue(
        e.getMessage().startsWith("Cannot read the netrc file for the API key"), e.getMessage());
  }

  @Test
  void missingKeySaysWhereAKeyCanComeFrom() {
    SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:wandb:entity=acme"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "No W&B API key: set apiKey in the URL or the password"
                    + " property, or env WANDB_API_KEY, or a netrc entry for host api.wandb.ai"),
        e.getMessage());
  }

  @Test
  void aStraySegmentIsNotEchoed() {
    SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:wandb:" + KEY));
    assertFalse(e.getMessage().contains(KEY));
  }
}
