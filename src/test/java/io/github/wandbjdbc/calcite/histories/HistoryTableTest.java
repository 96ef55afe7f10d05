package io.github.wandbjdbc.calcite.histories;

import static io.github.wandbjdbc.calcite.histories.HistoryFixture.expected;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.historyRequests;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.query;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.runsRead;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.sortedByRunAndStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.RecordedRequest;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The history tables against the emulator's own rows: every row exactly, whatever the server's
 * sample cap (a capped window must be detected and re-read), however many workers read.
 */
class HistoryTableTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final GeneratorSpec DATA =
      GeneratorSpec.defaults(11).withRunsPerProject(12).withHistorySteps(150);
  private static final List<String> KEYS =
      List.of("loss", "val_loss", "lr", "grad_norm", "phase", "examples");

  @ParameterizedTest(name = "server cap {0}, concurrency {1}, pageSize {2}")
  @CsvSource({"10000, 8, 200", "64, 2, 5", "7, 4, 3", "3, 1, 1"})
  void everyRowOfEveryRunExactlyWhateverTheServerSamplesTo(int cap, int concurrency, int pageSize)
      throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults().withMaxHistorySamples(cap))) {
      EmulatedProject demo = demo(emulator);
      String url = liveUrl(emulator) + ";concurrency=" + concurrency + ";pageSize=" + pageSize;
      List<List<Object>> rows =
          query(url, "SELECT run_id, _step, " + String.join(", ", KEYS) + " FROM histories");
      List<List<Object>> expected = expected(demo.runs(), KEYS);
      assertEquals(expected.size(), rows.size());
      assertEquals(expected, sortedByRunAndStep(rows));
    }
  }

  @Test
  void aSparseKeyAloneStillYieldsEveryRow() throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults().withMaxHistorySamples(64))) {
      List<List<Object>> rows =
          query(liveUrl(emulator), "SELECT run_id, _step, val_loss, grad_norm FROM histories");
      assertEquals(
          expected(demo(emulator).runs(), List.of("val_loss", "grad_norm")),
          sortedByRunAndStep(rows));
    }
  }

  @Test
  void wholeRowsKeepEveryKeyNaNAndMediaIncluded() throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults().withMaxHistorySamples(7))) {
      EmulatedProject demo = demo(emulator);
      List<List<Object>> rows =
          sortedByRunAndStep(
              query(liveUrl(emulator), "SELECT run_id, _step, \"row\", loss FROM histories"));
      List<JsonNode> expectedRows = new ArrayList<>();
      expected(demo.runs(), List.of())
          .forEach(r -> expectedRows.add(historyRow(demo, (String) r.get(0), (Long) r.get(1))));
      assertEquals(expectedRows.size(), rows.size());
      boolean sawNaN = false;
      for (int i = 0; i < rows.size(); i++) {
        // Both sides parsed alike: the emulator holds longs where JSON text reads back ints.
        assertEquals(
            JSON.readTree(expectedRows.get(i).toString()),
            JSON.readTree((String) rows.get(i).get(2)));
        sawNaN |= rows.get(i).get(3) instanceof Double d && d.isNaN();
      }
      assertTrue(sawNaN, "the demo data logs NaN losses; they must read as DOUBLE NaN");
    }
  }

  @Test
  void runAndStepFiltersNarrowTheRequestsAndOnlySelectedKeysAreFetched() throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults())) {
      EmulatedRun run =
          demo(emulator).runs().stream()
              .filter(r -> r.history().size() > 40)
              .findFirst()
              .orElseThrow();
      emulator.stats().reset();
      List<List<Object>> rows =
          query(
              liveUrl(emulator),
              "SELECT run_id, _step, loss FROM histories WHERE run_id = ? AND _step BETWEEN 10 AND ?",
              run.name(),
              30L);
      List<List<Object>> expected =
          expected(List.of(run), List.of("loss")).stream()
              .filter(r -> (Long) r.get(1) >= 10 && (Long) r.get(1) <= 30)
              .toList();
      assertEquals(expected, sortedByRunAndStep(rows));
      List<RecordedRequest> reads = historyRequests(emulator);
      assertFalse(reads.isEmpty());
      for (RecordedRequest read : reads) {
        assertEquals(Set.of(run.name()), Set.copyOf(runsRead(read)), read.variables().toString());
        for (JsonNode spec : read.variables().get("s0")) {
          JsonNode parsed = JSON.readTree(spec.asText());
          assertTrue(parsed.get("minStep").asLong() >= 10, spec.asText());
          assertTrue(parsed.get("maxStep").asLong() <= 30, spec.asText());
          assertTrue(
              Set.of("[\"_step\"]", "[\"_step\",\"loss\"]").contains(parsed.get("keys").toString()),
              spec.asText());
        }
      }
      String listing =
          emulator.stats().recorded().stream()
              .filter(r -> "Runs".equals(r.operationName()))
              .map(r -> r.variables().get("filters").asText())
              .collect(Collectors.joining());
      // The first listing is the one bounded request that discovers the table's keys.
      assertEquals("{}{\"name\":{\"$in\":[\"" + run.name() + "\"]}}", listing);
    }
  }

  @Test
  void aJoinReadsOnlyTheHistoriesOfRunsThatPassTheRunsFilter() throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults())) {
      List<EmulatedRun> crashed =
          demo(emulator).runs().stream().filter(r -> r.state().equals("crashed")).toList();
      String sql =
          "SELECT r.run_id, h._step, h.loss FROM runs r "
              + "JOIN histories h ON h.run_id = r.run_id WHERE r.state = 'crashed'";
      emulator.stats().reset();
      List<List<Object>> rows = query(liveUrl(emulator), sql);
      assertEquals(expected(crashed, List.of("loss")), sortedByRunAndStep(rows));
      Set<String> read =
          historyRequests(emulator).stream()
              .flatMap(r -> runsRead(r).stream())
              .collect(Collectors.toSet());
      assertEquals(
          crashed.stream()
              .filter(r -> !r.history().isEmpty())
              .map(EmulatedRun::name)
              .collect(Collectors.toSet()),
          read);
      String plan = query(liveUrl(emulator), "EXPLAIN PLAN FOR " + sql).get(0).get(0).toString();
      assertTrue(plan.contains("EnumerableBatchNestedLoopJoin"), plan);
      assertTrue(plan.contains("run_id in [$cor"), plan);
      assertEquals(
          sortedByRunAndStep(rows),
          sortedByRunAndStep(query(liveUrl(emulator) + ";pushdown=false", sql)));
    }
  }

  @Test
  void severalRunsShareOneRequest() throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults())) {
      long runsWithHistory =
          demo(emulator).runs().stream().filter(r -> !r.history().isEmpty()).count();
      emulator.stats().reset();
      query(liveUrl(emulator), "SELECT run_id, _step FROM histories");
      List<RecordedRequest> reads = historyRequests(emulator);
      assertEquals(
          runsWithHistory, reads.stream().flatMap(r -> runsRead(r).stream()).distinct().count());
      assertTrue(
          reads.size() * 3 <= runsWithHistory,
          reads.size() + " requests for " + runsWithHistory + " runs");
    }
  }

  @Test
  void sampledHistoriesHoldAtMostSamplesRowsPerRunWithBothEnds() throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults())) {
      EmulatedProject demo = demo(emulator);
      List<List<Object>> rows =
          query(
              liveUrl(emulator) + ";samples=5",
              "SELECT run_id, _step, loss FROM sampled_histories");
      for (EmulatedRun run : demo.runs()) {
        List<Long> steps =
            rows.stream()
                .filter(r -> r.get(0).equals(run.name()))
                .map(r -> (Long) r.get(1))
                .sorted()
                .toList();
        if (run.history().isEmpty()) {
          assertEquals(List.of(), steps);
          continue;
        }
        assertEquals(Math.min(5, run.history().size()), steps.size(), run.name());
        assertEquals(run.history().get(0).get("_step").asLong(), steps.get(0));
        assertEquals(
            run.history().get(run.history().size() - 1).get("_step").asLong(),
            steps.get(steps.size() - 1));
      }
    }
  }

  @Test
  void systemMetricsAreEveryEventOfEveryRun() throws Exception {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults())) {
      EmulatedProject demo = demo(emulator);
      List<List<Object>> rows =
          query(liveUrl(emulator), "SELECT run_id, _runtime, \"system.cpu\" FROM system_metrics");
      List<List<Object>> expected = new ArrayList<>();
      for (EmulatedRun run : demo.runs()) {
        run.events()
            .forEach(
                e ->
                    expected.add(
                        List.of(
                            run.name(),
                            e.get("_runtime").doubleValue(),
                            e.get("system.cpu").doubleValue())));
      }
      assertEquals(sortedByRunAndStep(expected), sortedByRunAndStep(rows));
    }
  }

  @Test
  void systemMetricsFailRatherThanAnswerFromASampledStream() {
    try (WandbEmulator emulator = start(EmulatorConfig.defaults().withMaxHistorySamples(5))) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> query(liveUrl(emulator), "SELECT run_id, _runtime FROM system_metrics"));
      assertTrue(messages(e).contains("system-metric rows of run"), messages(e));
    }
  }

  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append(" | ");
    }
    return text.toString();
  }

  private static JsonNode historyRow(EmulatedProject project, String run, long step) {
    return project.runs().stream()
        .filter(r -> r.name().equals(run))
        .findFirst()
        .orElseThrow()
        .history()
        .stream()
        .filter(row -> row.get("_step").asLong() == step)
        .findFirst()
        .orElseThrow();
  }

  private static WandbEmulator start(EmulatorConfig config) {
    return WandbEmulator.start(config, DatasetGenerator.generate(DATA));
  }

  private static EmulatedProject demo(WandbEmulator emulator) {
    return emulator.dataset().project("acme", "demo").orElseThrow();
  }

  /**
   * The live path's URL: these tests count and inspect GraphQL history requests, which exported
   * runs do not send (HistoryExportsTest covers those).
   */
  private static String liveUrl(WandbEmulator emulator) {
    return emulator.jdbcUrl("demo") + ";exports=false";
  }
}
