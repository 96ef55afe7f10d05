package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11, item 1: SQL text in any language. Literals, {@code N'…'}, {@code U&'…'} and LIKE
 * patterns in Korean, Japanese, Chinese, Greek and emoji select the runs they name, as literals and
 * as {@code ?} parameters; their filters reach W&B as UTF-8 JSON, Calcite re-checks them (the same
 * rows with {@code pushdown=false}), and a project named in Korean is a quoted schema.
 */
class TextInAnyLanguageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final String KOREAN_PROJECT = "실험-프로젝트";

  private static WandbEmulator emulator;
  private static Connection pushed;
  private static Connection local;

  @BeforeAll
  static void start() throws SQLException {
    List<EmulatedRun> runs =
        List.of(
            run("r1", "실험-1", "그룹", "아담", 1),
            run("r2", "実験-2", "グループ", "adam", 2),
            run("r3", "实验-3", null, "随机梯度下降", 3),
            run("r4", "🚀-launch", null, "adam", 4),
            run("r5", "α-beta", "exp-a", "sgd", 5),
            run("r6", "plain-run", "exp-a", "sgd", 6));
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            new EmulatedDataset(
                "acme",
                "alice",
                List.of(
                    new EmulatedProject("acme", "demo", T0, runs),
                    new EmulatedProject(
                        "acme", KOREAN_PROJECT, T0, List.of(run("k1", "첫-실험", null, "아담", 7))))));
    pushed = DriverManager.getConnection(emulator.jdbcUrl("demo"));
    local = DriverManager.getConnection(emulator.jdbcUrl("demo") + ";pushdown=false");
  }

  @AfterAll
  static void stop() throws SQLException {
    pushed.close();
    local.close();
    emulator.close();
  }

  @BeforeEach
  void resetCounters() {
    emulator.stats().reset();
  }

  private static EmulatedRun run(
      String name, String displayName, String group, String optimizer, int minute) {
    ObjectNode config = NODES.objectNode();
    config.putObject("optimizer").put("value", optimizer).putNull("desc");
    config.putObject("모델").put("value", "트랜스포머").putNull("desc");
    return new EmulatedRun(
        name,
        displayName,
        "finished",
        List.of("한국어", "🚀"),
        group,
        "train",
        null,
        null,
        "메모: " + displayName,
        null,
        T0.plusSeconds(60L * minute),
        T0.plusSeconds(60L * minute + 30),
        "alice",
        "Alice",
        null,
        config,
        NODES.objectNode().put("loss", 0.5),
        NODES.objectNode(),
        List.of(),
        List.of());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "display_name = '실험-1'|r1|{\"display_name\":\"실험-1\"}",
        "display_name = '実験-2'|r2|{\"display_name\":\"実験-2\"}",
        "display_name = N'实验-3'|r3|{\"display_name\":\"实验-3\"}",
        "display_name = U&'\\C2E4\\D5D8-1'|r1|{\"display_name\":\"실험-1\"}",
        "display_name = U&'!C2E4!D5D8-1' UESCAPE '!'|r1|{\"display_name\":\"실험-1\"}",
        "display_name IN ('🚀-launch', 'α-beta')|r4 r5|"
            + "{\"display_name\":{\"$in\":[\"α-beta\",\"🚀-launch\"]}}",
        "display_name LIKE '%α%'|r5|{\"display_name\":{\"$regex\":\"(?s)^.*α.*\\\\z\"}}",
        "display_name LIKE '_-launch'|r4|{\"display_name\":{\"$regex\":\"(?s)^.-launch\\\\z\"}}",
        "display_name LIKE N'実験%'|r2|{\"display_name\":{\"$regex\":\"(?s)^実験.*\\\\z\"}}",
        "group_name = 'グループ'|r2|{\"group\":\"グループ\"}",
        "\"config.optimizer\" = '随机梯度下降'|r3|{\"config.optimizer\":\"随机梯度下降\"}",
        "\"config.모델\" = '트랜스포머' AND display_name <> '실험-1'|r2 r3 r4 r5 r6|"
      })
  void literalsSelectTheRunsTheyNameAndArePushedAsUtf8(
      String predicate, String runIds, String filter) throws Exception {
    String sql = "SELECT run_id FROM runs WHERE " + predicate + " ORDER BY run_id";
    List<String> expected = List.of(runIds.split(" "));
    assertEquals(expected, strings(pushed, sql, List.of()), "with pushdown");
    if (filter != null) {
      assertEquals(JSON.readTree(filter), lastRunsFilter());
    }
    assertEquals(expected, strings(local, sql, List.of()), "with pushdown=false");
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "display_name = ?|실험-1|r1",
        "display_name LIKE ?|%験%|r2",
        "display_name LIKE ?|_-launch|r4",
        "display_name IN (?, 'x')|实验-3|r3",
        "display_name NOT LIKE ?|%-_|r4 r5 r6"
      })
  void parametersSelectTheRunsTheyName(String predicate, String value, String runIds)
      throws Exception {
    String sql = "SELECT run_id FROM runs WHERE " + predicate + " ORDER BY run_id";
    List<String> expected = List.of(runIds.split(" "));
    assertEquals(expected, strings(pushed, sql, List.of(value)), "with pushdown");
    assertEquals(expected, strings(local, sql, List.of(value)), "with pushdown=false");
  }

  @Test
  void textComesBackAsItWasStored() throws Exception {
    try (Statement statement = pushed.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT display_name, group_name, tags, notes, \"config.모델\", "
                    + "N'한국어' || display_name AS greeting FROM runs WHERE run_id = 'r1'")) {
      assertTrue(rows.next());
      assertEquals("실험-1", rows.getString("display_name"));
      assertEquals("그룹", rows.getString("group_name"));
      assertEquals(
          List.of("한국어", "🚀"),
          JSON.convertValue(JSON.readTree(rows.getString("tags")), List.class));
      assertEquals("메모: 실험-1", rows.getString("notes"));
      assertEquals("트랜스포머", rows.getString("config.모델"));
      assertEquals("한국어실험-1", rows.getString("greeting"));
    }
  }

  @Test
  void aProjectNamedInKoreanIsAQuotedSchema() throws Exception {
    String sql =
        "SELECT run_id, project FROM \"" + KOREAN_PROJECT + "\".runs WHERE display_name = '첫-실험'";
    try (Statement statement = pushed.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertTrue(rows.next());
      assertEquals("k1", rows.getString("run_id"));
      assertEquals(KOREAN_PROJECT, rows.getString("project"));
    }
    List<String> schemas = new ArrayList<>();
    try (ResultSet rows = pushed.getMetaData().getSchemas()) {
      while (rows.next()) {
        schemas.add(rows.getString("TABLE_SCHEM"));
      }
    }
    assertTrue(schemas.contains(KOREAN_PROJECT), schemas.toString());
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl(KOREAN_PROJECT))) {
      assertEquals(List.of("k1"), strings(connection, "SELECT run_id FROM runs", List.of()));
    }
  }

  /** The {@code filters} variable of the last runs listing the emulator received, as JSON. */
  private static JsonNode lastRunsFilter() throws Exception {
    List<RecordedRequest> listings =
        emulator.stats().recorded().stream().filter(r -> r.variables().has("filters")).toList();
    assertTrue(!listings.isEmpty(), "no runs listing was sent");
    return JSON.readTree(listings.get(listings.size() - 1).variables().get("filters").asText());
  }

  private static List<String> strings(Connection connection, String sql, List<String> parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
