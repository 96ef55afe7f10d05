package io.github.wandbjdbc.client.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wandbjdbc.client.ClientSettings;
import io.github.wandbjdbc.client.MetricOrder;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunRanking;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proven metric order as the client alone serves it, without SQL: a ranking of its own, the
 * runs it hands over against a local sort of the whole listing, and the requests it needed.
 */
class MetricOrderReaderTest {
  private static final String KEY = "_runtime";

  private static WandbEmulator emulator;
  private static WandbClient client;

  /** Descending by the summary's {@code _runtime}, NULL last, then by name. */
  private static final RunRanking<Object[]> BY_RUNTIME =
      new RunRanking<>() {
        @Override
        public Object[] key(Run run) {
          JsonNode value = run.summaryMetrics().get(KEY);
          return new Object[] {run.name(), value == null ? null : value.doubleValue()};
        }

        @Override
        public Comparator<Object[]> order() {
          Comparator<Object[]> metric =
              Comparator.comparing(
                  row -> (Double) row[1], Comparator.nullsLast(Comparator.reverseOrder()));
          return metric.thenComparing(row -> (String) row[0]);
        }

        @Override
        public Double number(Object[] key) {
          return key[1] instanceof Double d && Double.isFinite(d) ? d : null;
        }

        @Override
        public boolean isNull(Object[] key) {
          return key[1] == null;
        }

        @Override
        public boolean beforeNumbers(Object[] key) {
          return key[1] != null && ((Double) key[1] > 0 || ((Double) key[1]).isNaN());
        }
      };

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(11)
                    .withRunsPerProject(300)
                    .withHistorySteps(2)
                    .withEventsPerRun(1)));
    client = new WandbClient(ClientSettings.of(emulator.baseUrl(), emulator.apiKey()));
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.stats().reset();
  }

  private static RunQuery query(long limit, MetricOrder order) {
    return new RunQuery(
        "acme",
        "demo",
        null,
        null,
        50,
        limit,
        new RunSelection(Set.of(), Set.of(), Set.of(KEY)),
        0,
        order);
  }

  private static List<String> names(RunQuery query) {
    List<String> names = new ArrayList<>();
    try (RunIterator runs = client.runs(query)) {
      runs.forEachRemaining(run -> names.add(run.name()));
    }
    return names;
  }

  @Test
  void theFirstRunsComeInTheRankingsOrderFromOnePageAndOneCount() {
    List<Run> all = new ArrayList<>();
    try (RunIterator runs = client.runs(query(-1, null))) {
      runs.forEachRemaining(all::add);
    }
    List<String> expected =
        all.stream()
            .map(BY_RUNTIME::key)
            .sorted(BY_RUNTIME.order())
            .map(key -> (String) key[0])
            .limit(7)
            .toList();
    emulator.stats().reset();

    MetricOrder order =
        new MetricOrder("summary_metrics." + KEY, "summary_metrics." + KEY, true, 7, BY_RUNTIME);
    assertEquals(expected, names(query(7, order)));
    Map<String, Long> operations = emulator.stats().operations();
    assertEquals(1L, operations.get("Runs"), operations.toString());
    assertEquals(1L, operations.get("RunCounts"), operations.toString());
  }

  @Test
  void everyRunIsHandedOverOnceWhenTheListingIsReadToTheEnd() {
    MetricOrder order =
        new MetricOrder("summary_metrics." + KEY, "summary_metrics." + KEY, true, 5, BY_RUNTIME);
    List<String> names = names(query(-1, order));
    assertEquals(300, names.size());
    assertEquals(300, Set.copyOf(names).size(), "no run twice");
  }

  @Test
  void closingStopsTheReaderBeforeItSendsAnything() {
    MetricOrder order =
        new MetricOrder("summary_metrics." + KEY, "summary_metrics." + KEY, true, 5, BY_RUNTIME);
    RunIterator runs = client.runs(query(-1, order));
    runs.close();
    assertFalse(runs.hasNext());
    assertTrue(emulator.stats().operations().isEmpty(), emulator.stats().operations().toString());
  }
}
