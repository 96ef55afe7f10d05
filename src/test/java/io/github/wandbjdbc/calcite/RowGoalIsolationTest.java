package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.adapter.java.ReflectiveSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each statement's row goal stays its own: connections planning at the same moment, each with its
 * own maxRows, size their first requests by their own, a statement re-executed with another maxRows
 * follows it, and a plain Calcite connection planning and running on the same threads meanwhile
 * neither sees our goals nor disturbs them.
 */
class RowGoalIsolationTest {
  private static final int RUNS = 400;
  private static final int PAGE = 150;
  private static final int THREADS = 6;
  private static final int ROUNDS = 3;

  /** Its scan feeds the result: the statement's maxRows sizes the first request. */
  private static final String FEEDING = "SELECT run_id, state FROM runs WHERE run_id <> ?";

  /** Its scan feeds an aggregate: every request asks for a full page, whatever maxRows says. */
  private static final String AGGREGATE =
      "SELECT state, COUNT(*) FROM runs WHERE run_id <> ? GROUP BY state";

  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(23).withRunsPerProject(RUNS).withHistorySteps(0)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void concurrentStatementsAndAPlainCalciteUserKeepTheirOwnGoals() throws Exception {
    emulator.stats().reset();
    CyclicBarrier together = new CyclicBarrier(THREADS);
    List<Callable<Map<String, List<Integer>>>> sessions = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      int session = thread;
      sessions.add(() -> session(session, together));
    }
    Map<String, List<Integer>> expected = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Future<Map<String, List<Integer>>> done : pool.invokeAll(sessions)) {
        expected.putAll(done.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(THREADS * ROUNDS * 3, expected.size());
    assertEquals(expected, pagesByMarker(expected.keySet()));
  }

  /**
   * One connection's rounds, each started with the other threads': plan a statement whose scan
   * feeds the result and run it twice with two maxRows, then plan and run an aggregate under a
   * maxRows; a plain Calcite connection on the same thread plans and runs its own query meanwhile.
   * Returns each execution's marker (the value its filter carries) with the page sizes its requests
   * must ask for.
   */
  private static Map<String, List<Integer>> session(int session, CyclicBarrier together)
      throws Exception {
    Map<String, List<Integer>> expected = new HashMap<>();
    try (Connection wandb =
            DriverManager.getConnection(emulator.jdbcUrl("demo") + ";pageSize=" + PAGE);
        Connection plain = plainCalcite()) {
      for (int round = 0; round < ROUNDS; round++) {
        int maxRows = 5 + session + THREADS * round;
        String marker = "s" + session + "r" + round;
        together.await(30, TimeUnit.SECONDS);
        // Planned while the other threads plan theirs, and again between executions of ours.
        assertEquals(List.of("ant", "bee", "cat"), plainAnimals(plain));
        try (PreparedStatement feeding = wandb.prepareStatement(FEEDING)) {
          assertEquals(maxRows, rows(feeding, marker + "first", maxRows));
          expected.put(marker + "first", List.of(maxRows));
          assertEquals(List.of("ant", "bee", "cat"), plainAnimals(plain));
          assertEquals(2 * maxRows, rows(feeding, marker + "again", 2 * maxRows));
          expected.put(marker + "again", List.of(2 * maxRows));
        }
        try (PreparedStatement aggregate = wandb.prepareStatement(AGGREGATE)) {
          rows(aggregate, marker + "aggregate", maxRows);
          // 400 runs in full pages of 150, the last one short.
          expected.put(marker + "aggregate", List.of(PAGE, PAGE, PAGE));
        }
      }
    }
    return expected;
  }

  private static int rows(PreparedStatement statement, String marker, int maxRows)
      throws SQLException {
    statement.setMaxRows(maxRows);
    statement.setString(1, marker);
    return count(statement.executeQuery());
  }

  /** A Calcite connection of its own, over Java objects, as another library in the JVM has. */
  private static Connection plainCalcite() throws SQLException {
    Properties info = new Properties();
    info.setProperty("lex", "JAVA");
    Connection connection = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", info);
    connection
        .unwrap(CalciteConnection.class)
        .getRootSchema()
        .add("zoo", new ReflectiveSchema(new Zoo()));
    return connection;
  }

  /**
   * Four animals have four legs or more; the plain statement's own maxRows keeps three (a plain
   * Calcite connection applies maxRows to a {@code Statement}, fixed when it plans).
   */
  private static List<String> plainAnimals(Connection plain) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = plain.createStatement()) {
      statement.setMaxRows(3);
      try (ResultSet rows =
          statement.executeQuery("SELECT name FROM zoo.animals WHERE legs >= 4 ORDER BY name")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  private static int count(ResultSet rs) throws SQLException {
    int rows = 0;
    try (rs) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }

  /** The page sizes of the Runs requests whose filter carries each marker, in request order. */
  private static Map<String, List<Integer>> pagesByMarker(Iterable<String> markers) {
    Map<String, List<Integer>> pages = new HashMap<>();
    for (RecordedRequest request : emulator.stats().recorded()) {
      if (!"Runs".equals(request.operationName())) {
        continue;
      }
      String filter = request.variables().get("filters").asText();
      for (String marker : markers) {
        if (filter.contains("\"" + marker + "\"")) {
          pages
              .computeIfAbsent(marker, m -> new ArrayList<>())
              .add(request.variables().get("perPage").asInt());
        }
      }
    }
    return pages;
  }

  /** The plain connection's schema: public fields become tables and columns. */
  public static final class Zoo {
    public final Animal[] animals = {
      new Animal("owl", 2),
      new Animal("dog", 4),
      new Animal("ant", 6),
      new Animal("eel", 0),
      new Animal("cat", 4),
      new Animal("bee", 6)
    };
  }

  public static final class Animal {
    public final String name;
    public final int legs;

    Animal(String name, int legs) {
      this.name = name;
      this.legs = legs;
    }
  }
}
