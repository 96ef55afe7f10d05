package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.HandBuiltRun;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NaN and ±Infinity order as in PostgreSQL (-Infinity, numbers, +Infinity, NaN) in ORDER BY, MIN
 * and MAX, and NaN groups with NaN; -0.0 comes just before 0.0 and groups apart from it ({@link
 * ColumnValueOrder}). Every query runs with pushdown on and off: pushed, some are read in a proven
 * metric order or sorted above W&B's order, the rest sorted locally.
 */
class NonFiniteOrderTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private static WandbEmulator emulator;

  /** By URL: each discovers its project's columns once. */
  private static final Map<String, Connection> CONNECTIONS = new HashMap<>();

  /** Summary key x of the runs r01 to r10 of project "floats" (r08 lacks it). */
  private static final List<Double> X =
      Arrays.asList(NAN, INF, NEG_INF, 1.5, -2.0, 0.0, NAN, null, 1e308, -0.0);

  /** Summary key g of the same runs. */
  private static final List<Integer> G = List.of(1, 1, 2, 2, 1, 2, 2, 1, 1, 2);

  /** The runs of "floats" with short names; the driver sees through the projection. */
  private static final String FLOATS =
      "(SELECT run_id, \"summary.x\" AS x, \"summary.g\" AS g FROM runs) AS f";

  /** PostgreSQL's float8 order with its default NULLS LAST, written as ranks. */
  private static final Comparator<Double> POSTGRES =
      Comparator.<Double>comparingInt(NonFiniteOrderTest::rank)
          .thenComparingDouble(v -> rank(v) == 1 ? v : 0);

  /** The dataset of {@code bin/wandb-sql --demo}, plus the project "floats". */
  @BeforeAll
  static void start() {
    EmulatedDataset demo = DatasetGenerator.generate(GeneratorSpec.defaults(42));
    List<EmulatedProject> projects = new ArrayList<>(demo.projects());
    projects.add(floats(demo.entity()));
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            new EmulatedDataset(demo.entity(), demo.viewerUsername(), projects));
  }

  @AfterAll
  static void stop() throws SQLException {
    for (Connection connection : CONNECTIONS.values()) {
      connection.close();
    }
    emulator.close();
  }

  private static EmulatedProject floats(String entity) {
    Instant created = Instant.parse("2026-06-01T00:00:00Z");
    List<EmulatedRun> runs = new ArrayList<>();
    for (int i = 0; i < X.size(); i++) {
      ObjectNode summary = JsonNodeFactory.instance.objectNode();
      if (X.get(i) != null) {
        summary.put("x", X.get(i));
      }
      summary.put("g", G.get(i));
      runs.add(run(String.format("r%02d", i + 1), created.plusSeconds(i), summary));
    }
    return new EmulatedProject(entity, "floats", created, runs);
  }

  /** -Infinity, then finite numbers, +Infinity, NaN, and null last. */
  private static int rank(Double value) {
    if (value == null) {
      return 4;
    }
    if (Double.isNaN(value)) {
      return 3;
    }
    if (value == INF) {
      return 2;
    }
    return value == NEG_INF ? 0 : 1;
  }

  private static EmulatedRun run(String name, Instant created, ObjectNode summary) {
    return HandBuiltRun.run(name)
        .displayName(name)
        .state("finished")
        .createdAt(created.toString())
        .heartbeatAt(created.plusSeconds(60).toString())
        .username("alice")
        .summary(summary)
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void demoMetricsSortEveryRunInPostgresOrder(String properties) throws SQLException {
    int runs = emulator.dataset().project("acme", "demo").orElseThrow().runs().size();
    for (String column : List.of("summary.max_grad_norm", "summary.loss", "summary.min_log_prob")) {
      for (String direction : List.of("", " DESC")) {
        String sql =
            "SELECT run_id, \"" + column + "\" FROM runs ORDER BY \"" + column + "\"" + direction;
        List<Double> sorted = new ArrayList<>();
        column("demo", properties, sql, 2).forEach(value -> sorted.add((Double) value));
        assertEquals(runs, sorted.size(), sql);
        assertTrue(sorted.stream().anyMatch(v -> v != null && !Double.isFinite(v)), sql);
        List<Double> expected = new ArrayList<>(sorted);
        expected.sort(direction.isEmpty() ? POSTGRES : POSTGRES.reversed());
        assertEquals(expected, sorted, sql);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void orderByWithDefaultAndExplicitNulls(String properties) throws SQLException {
    List<Double> ascending = List.of(NEG_INF, -2.0, -0.0, 0.0, 1.5, 1e308, INF, NAN, NAN);
    List<Double> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);
    assertEquals(withNull(ascending, false), x(properties, "ORDER BY x"));
    assertEquals(withNull(ascending, false), x(properties, "ORDER BY x ASC NULLS LAST"));
    assertEquals(withNull(ascending, true), x(properties, "ORDER BY x NULLS FIRST"));
    assertEquals(withNull(descending, true), x(properties, "ORDER BY x DESC"));
    assertEquals(withNull(descending, false), x(properties, "ORDER BY x DESC NULLS LAST"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void limitAndOffset(String properties) throws SQLException {
    assertEquals(List.of(NAN, NAN, INF), x(properties, "ORDER BY x DESC NULLS LAST LIMIT 3"));
    assertEquals(Arrays.asList(null, NAN), x(properties, "ORDER BY x DESC LIMIT 2"));
    assertEquals(List.of(NEG_INF, -2.0), x(properties, "ORDER BY x NULLS LAST LIMIT 2"));
    assertEquals(
        List.of(INF, NAN, NAN), x(properties, "ORDER BY x OFFSET 6 ROWS FETCH NEXT 3 ROWS ONLY"));
    assertEquals(Arrays.asList(NAN, null), x(properties, "ORDER BY x OFFSET 8 ROWS"));
    assertEquals(
        List.of(1e308, 1.5, 0.0), x(properties, "ORDER BY x DESC NULLS FIRST LIMIT 3 OFFSET 4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void limitAndOffsetAsParameters(String properties) throws SQLException {
    String sql = "SELECT x FROM " + FLOATS + " ORDER BY x DESC NULLS LAST LIMIT ? OFFSET ?";
    try (PreparedStatement statement = connection("floats", properties).prepareStatement(sql)) {
      statement.setInt(1, 2);
      statement.setInt(2, 1);
      try (ResultSet rows = statement.executeQuery()) {
        assertEquals(List.of(NAN, INF), column(rows, 1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void multiKeyOrders(String properties) throws SQLException {
    assertEquals(
        List.of("r08", "r03", "r05", "r10", "r06", "r04", "r09", "r02", "r01", "r07"),
        runIds(properties, "ORDER BY x NULLS FIRST, run_id"));
    assertEquals(
        List.of("r07", "r01", "r02"),
        runIds(properties, "ORDER BY x DESC NULLS LAST, run_id DESC LIMIT 3"));
    assertEquals(
        List.of("r08", "r01", "r02", "r09", "r05", "r07", "r04", "r06", "r10", "r03"),
        runIds(properties, "ORDER BY g, x DESC"));
    assertEquals(
        List.of("r03", "r10", "r06", "r04", "r07", "r05", "r09", "r02", "r01", "r08"),
        runIds(properties, "ORDER BY g DESC, x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void minAndMax(String properties) throws SQLException {
    assertEquals(List.of(NEG_INF, NAN), minMax(properties, ""));
    assertEquals(List.of(INF, INF), minMax(properties, "WHERE run_id = 'r02'"));
    assertEquals(List.of(NEG_INF, NEG_INF), minMax(properties, "WHERE run_id = 'r03'"));
    assertEquals(List.of(NAN, NAN), minMax(properties, "WHERE run_id IN ('r01', 'r07')"));
    assertEquals(List.of(1.5, NAN), minMax(properties, "WHERE run_id IN ('r01', 'r04')"));
    assertEquals(List.of(1.5, NAN), minMax(properties, "WHERE run_id IN ('r04', 'r07')"));
    assertEquals(List.of(-0.0, 0.0), minMax(properties, "WHERE run_id IN ('r06', 'r10')"));
    assertEquals(Arrays.asList(null, null), minMax(properties, "WHERE run_id = 'r08'"));
    String perGroup = "SELECT MIN(x), MAX(x) FROM " + FLOATS + " GROUP BY g ORDER BY g";
    assertEquals(List.of(-2.0, NEG_INF), column("floats", properties, perGroup, 1));
    assertEquals(List.of(NAN, NAN), column("floats", properties, perGroup, 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";pushdown=false"})
  void nanGroupsWithNan(String properties) throws SQLException {
    String groups = "SELECT x, COUNT(*) FROM " + FLOATS + " GROUP BY x ORDER BY x";
    assertEquals(
        Arrays.asList(NEG_INF, -2.0, -0.0, 0.0, 1.5, 1e308, INF, NAN, null),
        column("floats", properties, groups, 1));
    assertEquals(
        List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 1L), column("floats", properties, groups, 2));
    assertEquals(
        Arrays.asList(null, NAN, INF),
        column(
            "floats",
            properties,
            "SELECT DISTINCT x FROM " + FLOATS + " ORDER BY 1 DESC LIMIT 3",
            1));
    assertEquals(
        List.of(8L), column("floats", properties, "SELECT COUNT(DISTINCT x) FROM " + FLOATS, 1));
  }

  private static List<Double> withNull(List<Double> values, boolean first) {
    List<Double> all = new ArrayList<>(values);
    all.add(first ? 0 : all.size(), null);
    return all;
  }

  private static List<Object> x(String properties, String orderBy) throws SQLException {
    return column("floats", properties, "SELECT run_id, x FROM " + FLOATS + " " + orderBy, 2);
  }

  private static List<Object> runIds(String properties, String orderBy) throws SQLException {
    return column("floats", properties, "SELECT run_id FROM " + FLOATS + " " + orderBy, 1);
  }

  private static List<Object> minMax(String properties, String where) throws SQLException {
    String sql = "SELECT MIN(x), MAX(x) FROM " + FLOATS + " " + where;
    List<Object> both = new ArrayList<>(column("floats", properties, sql, 1));
    both.addAll(column("floats", properties, sql, 2));
    return both;
  }

  /** Column {@code index} of every row the query returns. */
  private static List<Object> column(String project, String properties, String sql, int index)
      throws SQLException {
    try (Statement statement = connection(project, properties).createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return column(rows, index);
    }
  }

  private static List<Object> column(ResultSet rows, int index) throws SQLException {
    List<Object> values = new ArrayList<>();
    while (rows.next()) {
      values.add(rows.getObject(index));
    }
    return values;
  }

  private static Connection connection(String project, String properties) throws SQLException {
    String url = emulator.jdbcUrl(project) + properties;
    if (!CONNECTIONS.containsKey(url)) {
      CONNECTIONS.put(url, DriverManager.getConnection(url));
    }
    return CONNECTIONS.get(url);
  }
}
