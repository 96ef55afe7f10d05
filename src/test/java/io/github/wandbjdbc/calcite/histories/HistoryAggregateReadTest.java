package io.github.wandbjdbc.calcite.histories;

import static io.github.wandbjdbc.calcite.histories.HistoryFixture.historyRequests;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aggregates over histories fetch only the keys they use: never {@code row}, never whole rows. */
class HistoryAggregateReadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PROBE_ROWS = 1001;
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(5).withRunsPerProject(8).withHistorySteps(300)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void countStarReadsStepsOnly() throws Exception {
    long rows = runs().stream().mapToLong(r -> r.history().size()).sum();
    assertEquals(List.of(List.of(rows)), counted("SELECT COUNT(*) FROM histories"));
    assertEquals(Set.of("[\"_step\"]"), specKeysSent());
    assertFalse(explain("SELECT COUNT(*) FROM histories").contains("row"));
  }

  @Test
  void stepAggregatesReadStepsOnly() throws Exception {
    long rows = runs().stream().mapToLong(r -> r.history().size()).sum();
    List<List<Object>> answer =
        counted("SELECT COUNT(_step), MIN(_step), MAX(_step) FROM histories");
    assertEquals(rows, ((Number) answer.get(0).get(0)).longValue());
    assertEquals(0L, ((Number) answer.get(0).get(1)).longValue());
    assertEquals(Set.of("[\"_step\"]"), specKeysSent());
  }

  @Test
  void countOfAKeyReadsThatKeyOnly() throws Exception {
    long rows =
        runs().stream()
            .flatMap(r -> r.history().stream())
            .filter(row -> row.has("loss") && !row.get("loss").isNull())
            .count();
    List<List<Object>> answer = counted("SELECT COUNT(*) FROM histories WHERE loss IS NOT NULL");
    assertEquals(rows, ((Number) answer.get(0).get(0)).longValue());
    Set<String> keys = specKeysSent();
    assertTrue(keys.contains("[\"_step\",\"loss\"]"), keys.toString());
    assertFalse(keys.stream().anyMatch(k -> k.contains("val_loss")), keys.toString());
  }

  /** Rows without {@code loss} fail the filter, so no {@code _step}-only spec reads them. */
  @Test
  void aFilterThatNeedsAKeyReadsOnlyRowsHoldingIt() throws Exception {
    String sql =
        "SELECT run_id, _step, loss FROM histories WHERE loss > 0.5 ORDER BY run_id, _step";
    List<List<Object>> pushed = counted(sql);
    Set<String> keys = specKeysSent();
    assertEquals(Set.of("[\"_step\",\"loss\"]"), keys);
    assertEquals(query(emulator.jdbcUrl("demo") + ";pushdown=false", sql), pushed);
    assertFalse(pushed.isEmpty());
  }

  private static List<List<Object>> counted(String sql) throws Exception {
    emulator.stats().reset();
    return query(emulator.jdbcUrl("demo"), sql);
  }

  /**
   * The key lists of every sampledHistory spec sent but the cap probe (whose rows are never handed
   * over: it asks {@value #PROBE_ROWS} steps); fails on a whole-row read.
   */
  private static Set<String> specKeysSent() throws Exception {
    Set<String> keys = new TreeSet<>();
    List<RecordedRequest> reads = historyRequests(emulator);
    assertFalse(reads.isEmpty());
    for (RecordedRequest read : reads) {
      for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) read.variables()::fields) {
        if (field.getKey().matches("s\\d+")) {
          for (JsonNode spec : field.getValue()) {
            JsonNode parsed = JSON.readTree(spec.asText());
            if (parsed.get("samples").asInt() != PROBE_ROWS) {
              keys.add(parsed.get("keys").toString());
            }
          }
        } else {
          assertFalse(field.getKey().matches("[abn]\\d+"), "a whole-row read: " + field.getKey());
        }
      }
    }
    return keys;
  }

  private static String explain(String sql) throws Exception {
    return HistoryFixture.explain(emulator.jdbcUrl("demo"), sql);
  }

  private static List<EmulatedRun> runs() {
    return emulator.dataset().project("acme", "demo").orElseThrow().runs();
  }
}
