package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JDBC 4.2 conversions through plain JDBC: {@code getObject(column, Class)} for every class each
 * column type maps to, {@code setObject}/{@code setString} with java.time values and numeric text,
 * and the errors of conversions that cannot work. {@code DriverJarConversionsIT} repeats the
 * mappings through the shaded jar in a JVM zone far from UTC.
 */
class JdbcConversionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One run's values under one name per column type. */
  private static final String ROW =
      "SELECT run_id AS v, history_line_count AS b, \"summary.acc\" AS d,"
          + " state = 'finished' AS f, created_at AS t,"
          + " CAST(history_line_count AS VARCHAR) AS numeric_text"
          + " FROM runs WHERE run_id = ?";

  private static WandbEmulator emulator;
  private static Connection connection;
  private static List<EmulatedRun> runs;
  private static EmulatedRun run;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(11).withRunsPerProject(60)));
    runs = emulator.dataset().project("acme", "demo").orElseThrow().runs();
    run =
        runs.stream()
            .filter(r -> r.summary().path("acc").isNumber() && r.history().size() > 127)
            .findFirst()
            .orElseThrow();
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    emulator.close();
  }

  static Stream<Arguments> getObjectMappings() {
    long lines = run.history().size();
    double acc = run.summary().get("acc").asDouble();
    Instant created = run.createdAt();
    boolean finished = "finished".equals(run.state());
    return Stream.of(
        Arguments.of("v", String.class, run.name()),
        Arguments.of("v", Object.class, run.name()),
        Arguments.of("b", Long.class, lines),
        Arguments.of("b", Integer.class, (int) lines),
        Arguments.of("b", Short.class, (short) lines),
        Arguments.of("b", BigDecimal.class, BigDecimal.valueOf(lines)),
        Arguments.of("b", Double.class, (double) lines),
        Arguments.of("b", Float.class, (float) lines),
        Arguments.of("b", String.class, Long.toString(lines)),
        Arguments.of("b", Object.class, lines),
        Arguments.of("d", Double.class, acc),
        Arguments.of("d", Float.class, (float) acc),
        Arguments.of("d", BigDecimal.class, BigDecimal.valueOf(acc)),
        Arguments.of("d", String.class, Double.toString(acc)),
        Arguments.of("f", Boolean.class, finished),
        Arguments.of("f", String.class, Boolean.toString(finished)),
        Arguments.of("t", Timestamp.class, Timestamp.from(created)),
        Arguments.of("t", LocalDateTime.class, LocalDateTime.ofInstant(created, ZoneOffset.UTC)),
        Arguments.of("t", OffsetDateTime.class, created.atOffset(ZoneOffset.UTC)),
        Arguments.of("t", Instant.class, created),
        Arguments.of("t", Date.class, new Date(created.toEpochMilli())),
        Arguments.of(
            "t",
            String.class,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneOffset.UTC)
                .format(created)),
        Arguments.of("numeric_text", Long.class, lines),
        Arguments.of("numeric_text", Integer.class, (int) lines),
        Arguments.of("numeric_text", BigDecimal.class, BigDecimal.valueOf(lines)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("getObjectMappings")
  void getObjectReadsEachColumnTypeAsEachClassJdbcAllows(
      String column, Class<?> type, Object expected) throws SQLException {
    assertTrue(run.createdAt().getNano() == 0, "the String case assumes whole seconds");
    try (PreparedStatement statement = connection.prepareStatement(ROW)) {
      statement.setString(1, run.name());
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next(), run.name());
        int index = rows.findColumn(column);
        Object byIndex = rows.getObject(index, type);
        assertEquals(expected, byIndex);
        assertEquals(expected.getClass(), byIndex.getClass());
        assertEquals(expected, rows.getObject(column, type));
      }
    }
  }

  static Stream<Class<?>> everyClass() {
    return Stream.of(
        Object.class,
        String.class,
        Long.class,
        Integer.class,
        Short.class,
        Byte.class,
        BigDecimal.class,
        Double.class,
        Float.class,
        Boolean.class,
        Timestamp.class,
        LocalDateTime.class,
        OffsetDateTime.class,
        Instant.class,
        Date.class);
  }

  @ParameterizedTest
  @MethodSource("everyClass")
  void sqlNullIsNullAsEveryClass(Class<?> type) throws SQLException {
    try (ResultSet rows =
        connection
            .createStatement()
            .executeQuery(
                "SELECT CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE),"
                    + " CAST(NULL AS BOOLEAN), CAST(NULL AS TIMESTAMP) FROM runs LIMIT 1")) {
      assertTrue(rows.next());
      for (int column = 1; column <= 5; column++) {
        assertNull(rows.getObject(column, type), "column " + column);
        assertTrue(rows.wasNull(), "column " + column);
      }
    }
  }

  static Stream<Arguments> impossibleReads() {
    return Stream.of(
        Arguments.of(
            "v",
            Long.class,
            "22018",
            "cannot convert VARCHAR value '" + run.name() + "' to java.lang.Long"),
        Arguments.of("b", Byte.class, "22003", "cannot convert BIGINT value "),
        Arguments.of("d", Long.class, "22018", "to java.lang.Long; expected a whole number"),
        Arguments.of("t", Long.class, "22018", "cannot convert TIMESTAMP value "),
        Arguments.of("f", Double.class, "22018", "cannot convert BOOLEAN value "),
        Arguments.of("v", Instant.class, "22018", "a VARCHAR reads as: String, Long,"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("impossibleReads")
  void aReadThatCannotWorkNamesBothTypes(
      String column, Class<?> type, String sqlState, String message) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(ROW)) {
      statement.setString(1, run.name());
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next());
        SQLDataException e =
            assertThrows(SQLDataException.class, () -> rows.getObject(column, type));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
      }
    }
  }

  @Test
  void aNullClassIsRefused() throws SQLException {
    try (ResultSet rows = connection.createStatement().executeQuery("SELECT run_id FROM runs")) {
      assertTrue(rows.next());
      SQLException e = assertThrows(SQLException.class, () -> rows.getObject(1, (Class<?>) null));
      assertEquals("HY009", e.getSQLState());
    }
  }

  /** A bound value, as the test names it, and how it reaches the statement. */
  private interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
  }

  static Stream<Arguments> timestampBindings() {
    Instant since = median();
    LocalDateTime utc = LocalDateTime.ofInstant(since, ZoneOffset.UTC);
    LocalDate day = utc.toLocalDate();
    Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    return Stream.of(
        timestampCase("LocalDateTime", since, s -> s.setObject(1, utc)),
        timestampCase(
            "OffsetDateTime +09:00",
            since,
            s -> s.setObject(1, since.atOffset(ZoneOffset.ofHours(9)))),
        timestampCase("Instant", since, s -> s.setObject(1, since)),
        timestampCase(
            "ZonedDateTime", since, s -> s.setObject(1, since.atZone(ZoneId.of("Asia/Seoul")))),
        timestampCase("java.util.Date", since, s -> s.setObject(1, Date.from(since))),
        timestampCase("LocalDate", midnight, s -> s.setObject(1, day)),
        timestampCase(
            "LocalDateTime, Types.TIMESTAMP", since, s -> s.setObject(1, utc, Types.TIMESTAMP)),
        timestampCase(
            "LocalDateTime, JDBCType.TIMESTAMP",
            since,
            s -> s.setObject(1, utc, JDBCType.TIMESTAMP)));
  }

  private static Arguments timestampCase(String name, Instant instant, Binding binding) {
    return Arguments.of(name, instant, binding);
  }

  /** Rows and W&B filter equal those of {@code setTimestamp} with the same instant. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("timestampBindings")
  void dateTimeParametersBindAsTheirUtcInstantAndArePushed(
      String name, Instant instant, Binding binding) throws Exception {
    String sql = "SELECT run_id FROM runs WHERE created_at >= ? ORDER BY run_id";
    Pushed expected = query(sql, s -> s.setTimestamp(1, Timestamp.from(instant)));
    assertEquals(names(r -> !r.createdAt().isBefore(instant)), expected.rows());
    assertTrue(expected.filter().has("created_at"), expected.filter().toString());
    assertEquals(expected, query(sql, binding));
  }

  @Test
  void numericTextBindsAsTheNumberAndIsPushed() throws Exception {
    String doubles = "SELECT run_id FROM runs WHERE \"summary.acc\" > ? ORDER BY run_id";
    Pushed bySetDouble = query(doubles, s -> s.setDouble(1, 0.5));
    assertEquals(
        names(r -> r.summary().path("acc").isNumber() && r.summary().get("acc").asDouble() > 0.5),
        bySetDouble.rows());
    assertEquals(JSON.readTree("{\"$gt\":0.5}"), bySetDouble.filter().path("summary_metrics.acc"));
    assertEquals(bySetDouble, query(doubles, s -> s.setString(1, "0.5")));
    assertEquals(bySetDouble, query(doubles, s -> s.setObject(1, "0.5")));

    String longs = "SELECT run_id FROM runs WHERE history_line_count > ? ORDER BY run_id";
    Pushed bySetLong = query(longs, s -> s.setLong(1, 142));
    assertEquals(names(r -> r.history().size() > 142), bySetLong.rows());
    assertEquals(bySetLong, query(longs, s -> s.setObject(1, "142")));
    assertEquals(bySetLong, query(longs, s -> s.setString(1, " 142 ")));
    assertEquals(bySetLong, query(longs, s -> s.setObject(1, "142", Types.VARCHAR)));
  }

  @Test
  void booleanTextBindsAsTheBoolean() throws Exception {
    String sql = "SELECT run_id FROM runs WHERE (state = 'finished') = ? ORDER BY run_id";
    Pushed bySetBoolean = query(sql, s -> s.setBoolean(1, true));
    assertEquals(names(r -> "finished".equals(r.state())), bySetBoolean.rows());
    assertEquals(bySetBoolean.rows(), query(sql, s -> s.setString(1, "TRUE")).rows());
  }

  static Stream<Arguments> impossibleBindings() {
    return Stream.of(
        Arguments.of(
            "SELECT run_id FROM runs WHERE history_line_count > ?",
            (Binding) s -> s.setObject(1, "abc"),
            "22018",
            "cannot convert java.lang.String value 'abc' to BIGINT (parameter 1)"),
        Arguments.of(
            "SELECT run_id FROM runs WHERE history_line_count > ?",
            (Binding) s -> s.setString(1, "4.5"),
            "22018",
            "value '4.5' to BIGINT (parameter 1); expected a whole number"),
        Arguments.of(
            "SELECT run_id FROM runs WHERE history_line_count > ?",
            (Binding) s -> s.setString(1, "99999999999999999999"),
            "22003",
            "to BIGINT (parameter 1): out of range"),
        Arguments.of(
            "SELECT run_id FROM runs WHERE \"summary.acc\" > ?",
            (Binding) s -> s.setString(1, "1e400"),
            "22003",
            "to DOUBLE (parameter 1): out of range"),
        Arguments.of(
            "SELECT run_id FROM runs WHERE \"summary.acc\" > ?",
            (Binding) s -> s.setString(1, "half"),
            "22018",
            "cannot convert java.lang.String value 'half' to DOUBLE (parameter 1)"),
        Arguments.of(
            "SELECT run_id FROM runs WHERE history_line_count > ?",
            (Binding) s -> s.setObject(1, LocalDateTime.of(2024, 1, 2, 3, 4)),
            "22018",
            "cannot convert java.time.LocalDateTime value 2024-01-02T03:04 to BIGINT"),
        Arguments.of(
            "SELECT run_id FROM runs WHERE created_at > ?",
            (Binding) s -> s.setObject(1, "yesterday", Types.TIMESTAMP),
            "22018",
            "cannot convert java.lang.String value 'yesterday' to TIMESTAMP (parameter 1)"));
  }

  @ParameterizedTest
  @MethodSource("impossibleBindings")
  void aBindingThatCannotWorkNamesBothTypes(
      String sql, Binding binding, String sqlState, String message) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      SQLDataException e = assertThrows(SQLDataException.class, () -> binding.bind(statement));
      assertEquals(sqlState, e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains(message), e.getMessage());
    }
  }

  /** The rows of a query and the filter of the W&B request it made. */
  private record Pushed(List<String> rows, JsonNode filter) {}

  private static Pushed query(String sql, Binding binding) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      binding.bind(statement);
      emulator.stats().reset();
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      List<JsonNode> filters = new ArrayList<>();
      for (RecordedRequest request : emulator.stats().recorded()) {
        if (request.operationName().equals("Runs")) {
          filters.add(JSON.readTree(request.variables().path("filters").asText("{}")));
        }
      }
      return new Pushed(ids, filters.size() == 1 ? filters.get(0) : JSON.valueToTree(filters));
    }
  }

  private static List<String> names(Predicate<EmulatedRun> filter) {
    return runs.stream().filter(filter).map(EmulatedRun::name).sorted().toList();
  }

  private static Instant median() {
    List<Instant> created =
        runs.stream().map(EmulatedRun::createdAt).sorted(Comparator.naturalOrder()).toList();
    return created.get(created.size() / 2);
  }
}
