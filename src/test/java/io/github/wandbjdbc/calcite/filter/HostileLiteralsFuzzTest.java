package io.github.wandbjdbc.calcite.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of text that could break a filter document: quotes, backslashes, braces, regex and
 * LIKE metacharacters, JSON and Mongo-operator fragments, non-ASCII and control characters, as
 * literals and as bound parameters in =, &lt;&gt;, IN, NOT IN and LIKE. Every filter W&B receives
 * must be one well-formed JSON object, and every answer must equal the {@code pushdown=false}
 * answer.
 */
class HostileLiteralsFuzzTest {
  private static final long SEED = 20261126;
  private static final int QUERIES = 300;
  private static final int RUNS = 40;
  private static final List<String> COLUMNS =
      List.of("display_name", "group_name", "\"config.label\"");
  private static final List<String> PIECES =
      List.of(
          "'",
          "''",
          "\"",
          "\\",
          "\\\\",
          "{",
          "}",
          "[",
          "]",
          "(",
          ")",
          ".",
          "*",
          "+",
          "?",
          "^",
          "$",
          "|",
          "%",
          "_",
          "!",
          "/",
          ":",
          ",",
          "a",
          "b",
          "Z",
          "7",
          " ",
          "\u00e9",
          "\u2713",
          "\ud83d\ude80",
          "\t",
          "\n",
          "\r",
          "\u0001",
          "\u001f",
          "\u007f",
          "\u2028",
          "{\"$ne\": null}",
          "\"}",
          "\\u0000",
          "$regex",
          "$or",
          "null",
          "NaN",
          ".*");
  private static final ObjectMapper STRICT_JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static WandbEmulator emulator;
  private static Connection pushing;
  private static Connection oracle;
  private static final List<String> VALUES = new ArrayList<>();

  @BeforeAll
  static void start() throws SQLException {
    Random random = new Random(SEED);
    List<EmulatedRun> runs = new ArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < RUNS; i++) {
      String display = hostile(random);
      String group = i % 5 == 0 ? null : hostile(random);
      String label = i % 7 == 0 ? null : i % 3 == 0 ? display : hostile(random);
      VALUES.add(display);
      if (group != null) {
        VALUES.add(group);
      }
      runs.add(run(String.format("fz%03d", i), t0.plusSeconds(60L * i), display, group, label));
    }
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            new EmulatedDataset(
                "acme", "alice", List.of(new EmulatedProject("acme", "fuzz", t0, runs))));
    pushing = DriverManager.getConnection(emulator.jdbcUrl("fuzz"));
    oracle = DriverManager.getConnection(emulator.jdbcUrl("fuzz") + ";pushdown=false");
  }

  @AfterAll
  static void stop() throws SQLException {
    pushing.close();
    oracle.close();
    emulator.close();
  }

  @Test
  void filtersStayWellFormedAndAnswersEqualThePushdownFreeOnes() throws Exception {
    Random random = new Random(SEED + 1);
    List<String> failures = new ArrayList<>();
    int filtered = 0;
    for (int i = 0; i < QUERIES; i++) {
      Query query = query(random);
      emulator.stats().reset();
      List<String> got = run(pushing, query, failures);
      List<RecordedRequest> requests = emulator.stats().recorded();
      List<String> expected = run(oracle, query, failures);
      for (RecordedRequest request : requests) {
        String filters = request.variables().path("filters").asText("{}");
        if (!isJsonObject(filters)) {
          failures.add(query + "\n  sent filters that are not one JSON object: " + filters);
        } else if (!filters.equals("{}")) {
          filtered++;
        }
      }
      if (got != null && expected != null && !got.equals(expected)) {
        failures.add(query + "\n  with pushdown: " + got + "\n  pushdown=false: " + expected);
      }
    }
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " problems, e.g.:\n"
              + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
    }
    assertTrue(filtered >= QUERIES / 3, "only " + filtered + " requests carried a filter");
  }

  private record Query(String sql, List<String> parameters) {
    @Override
    public String toString() {
      return sql.replace("\n", "\\n")
          + " "
          + parameters.stream().map(p -> p.replace("\n", "\\n")).toList();
    }
  }

  /** One to three predicates; the literals inline where Calcite allows, or all as parameters. */
  private static Query query(Random random) {
    boolean bind = random.nextBoolean();
    List<String> parameters = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    int predicates = 1 + random.nextInt(3);
    for (int p = 0; p < predicates; p++) {
      if (p > 0) {
        where.append(random.nextBoolean() ? " AND " : " OR ");
      }
      String column = COLUMNS.get(random.nextInt(COLUMNS.size()));
      where.append(predicate(random, column, bind, parameters));
    }
    return new Query("SELECT run_id FROM runs WHERE " + where + " ORDER BY run_id", parameters);
  }

  private static String predicate(
      Random random, String column, boolean bind, List<String> parameters) {
    return switch (random.nextInt(6)) {
      case 0 -> column + " = " + operand(value(random), bind, parameters);
      case 1 -> column + " <> " + operand(value(random), bind, parameters);
      case 2 ->
          column
              + " IN ("
              + operand(value(random), bind, parameters)
              + ", "
              + operand(value(random), bind, parameters)
              + ", "
              + operand(value(random), bind, parameters)
              + ")";
      case 3 ->
          column
              + " NOT IN ("
              + operand(value(random), bind, parameters)
              + ", "
              + operand(value(random), bind, parameters)
              + ")";
      case 4 ->
          column
              + (random.nextBoolean() ? " LIKE " : " NOT LIKE ")
              + operand(likePattern(random, false), bind, parameters);
      default ->
          column + " LIKE " + operand(likePattern(random, true), bind, parameters) + " ESCAPE '!'";
    };
  }

  /** A value some run holds (so predicates match), or a fresh one. */
  private static String value(Random random) {
    return random.nextInt(10) < 6 ? VALUES.get(random.nextInt(VALUES.size())) : hostile(random);
  }

  /**
   * A prefix of a held value plus a wildcard; without an escape character its own % and _ are
   * wildcards too, with '!' they are escaped.
   */
  private static String likePattern(Random random, boolean escaped) {
    String text = VALUES.get(random.nextInt(VALUES.size()));
    String prefix = text.substring(0, Math.min(text.length(), random.nextInt(4)));
    if (Character.isHighSurrogate(prefix.isEmpty() ? 'x' : prefix.charAt(prefix.length() - 1))) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    if (escaped) {
      prefix = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
    return prefix + (random.nextBoolean() ? "%" : "_%");
  }

  /**
   * The value inline as a SQL literal (any Unicode text: the driver makes Calcite's literals
   * UTF-8), or as a {@code ?}: always when {@code bind}, and for text holding control characters,
   * which a plain literal does not show.
   */
  private static String operand(String value, boolean bind, List<String> parameters) {
    boolean literal = value.chars().noneMatch(Character::isISOControl);
    if (bind || !literal) {
      parameters.add(value);
      return "?";
    }
    return "'" + value.replace("'", "''") + "'";
  }

  private static String hostile(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return text.toString();
  }

  private static List<String> run(Connection connection, Query query, List<String> failures) {
    try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
      for (int i = 0; i < query.parameters().size(); i++) {
        statement.setString(i + 1, query.parameters().get(i));
      }
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    } catch (SQLException | RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      failures.add(query + "\n  failed: " + e.getMessage() + "\n  because: " + root);
      return null;
    }
  }

  private static boolean isJsonObject(String text) {
    try {
      JsonNode node = STRICT_JSON.readTree(text);
      return node != null && node.isObject();
    } catch (IOException e) {
      return false;
    }
  }

  private static EmulatedRun run(
      String name, Instant createdAt, String displayName, String group, String label) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode config = json.objectNode();
    if (label != null) {
      config.putObject("label").put("value", label).putNull("desc");
    }
    config.putObject("n").put("value", createdAt.getEpochSecond() % 11).putNull("desc");
    return new EmulatedRun(
        name,
        displayName,
        "finished",
        List.of(),
        group,
        "train",
        null,
        null,
        null,
        null,
        createdAt,
        createdAt.plusSeconds(30),
        "alice",
        null,
        null,
        config,
        json.objectNode(),
        json.objectNode(),
        List.of(),
        List.of());
  }
}
