package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A long IN list on a column W&B filters exactly is one {@code $in} filter and no compiled code; a
 * list that would have to be compared locally fails at once with a short message saying what to do.
 */
class LongInListTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VALUES = 10_000;
  private static WandbEmulator emulator;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(4).withRunsPerProject(20)));
    connection = DriverManager.getConnection(emulator.jdbcUrl("demo"));
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    emulator.close();
  }

  @Test
  void tenThousandRunIdsBecomeOneInFilter() throws Exception {
    List<String> wanted = new ArrayList<>();
    for (EmulatedRun run :
        emulator
            .dataset()
            .project(emulator.dataset().entity(), "demo")
            .orElseThrow()
            .runs()
            .subList(0, 3)) {
      wanted.add(run.name());
    }
    List<String> literals = new ArrayList<>(wanted);
    IntStream.range(literals.size(), VALUES).forEach(i -> literals.add("no-such-run-" + i));
    String list = literals.stream().map(v -> "'" + v + "'").collect(Collectors.joining(","));
    emulator.stats().reset();

    Set<String> found = new TreeSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT run_id FROM runs WHERE run_id IN (" + list + ")")) {
      while (rows.next()) {
        found.add(rows.getString(1));
      }
    }
    assertEquals(new TreeSet<>(wanted), found);
    List<RecordedRequest> runs =
        emulator.stats().recorded().stream().filter(r -> r.operationName().equals("Runs")).toList();
    assertEquals(1, runs.size(), runs.toString());
    JsonNode in = JSON.readTree(runs.get(0).variables().path("filters").asText()).at("/name/$in");
    assertEquals(VALUES, in.size(), "values sent in $in");
  }

  @Test
  void aListComparedLocallyFailsShortAndSaysWhatToDo() throws SQLException {
    String list =
        IntStream.range(0, VALUES).mapToObj(Integer::toString).collect(Collectors.joining(","));
    try (Statement statement = connection.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  statement.executeQuery(
                      "SELECT run_id FROM runs WHERE CHAR_LENGTH(run_id) IN (" + list + ")"));
      assertEquals("54001", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().length() < 2000, "message of " + e.getMessage().length());
      assertTrue(e.getMessage().contains("join a table"), e.getMessage());
      assertTrue(e.getMessage().contains(VALUES + " values"), e.getMessage());
    }
  }
}
