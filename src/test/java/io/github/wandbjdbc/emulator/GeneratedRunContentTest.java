package io.github.wandbjdbc.emulator;

import static io.github.wandbjdbc.emulator.DatasetGeneratorTest.DEFAULT;
import static io.github.wandbjdbc.emulator.DatasetGeneratorTest.allRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Config, summary, history and events of the default dataset (seed 42) have the features asked for.
 */
class GeneratedRunContentTest {
  private static final List<EmulatedRun> RUNS = allRuns(DEFAULT);

  private static JsonNode configValue(EmulatedRun run, String key) {
    JsonNode wrapper = run.config().get(key);
    return wrapper == null ? null : wrapper.get("value");
  }

  private static boolean some(Predicate<EmulatedRun> test) {
    return RUNS.stream().anyMatch(test);
  }

  private static boolean isNaN(JsonNode node) {
    return node != null && node.isDouble() && Double.isNaN(node.doubleValue());
  }

  @Test
  void configIsWrappedAndHasEveryShape() {
    for (EmulatedRun run : RUNS) {
      for (Map.Entry<String, JsonNode> entry : run.config().properties()) {
        Set<String> keys = new HashSet<>();
        entry.getValue().fieldNames().forEachRemaining(keys::add);
        if (entry.getKey().equals("_wandb")) {
          assertEquals(Set.of("value"), keys);
          assertEquals("0.19.1", entry.getValue().at("/value/cli_version").textValue());
        } else {
          assertEquals(Set.of("value", "desc"), keys, entry.getKey());
          assertTrue(entry.getValue().get("desc").isNull());
        }
      }
      assertTrue(configValue(run, "lr").isDouble());
      assertTrue(configValue(run, "batch_size").isInt());
      assertTrue(configValue(run, "epochs").isInt());
      assertTrue(configValue(run, "optimizer").isTextual());
      assertTrue(configValue(run, "use_amp").isBoolean());
      assertTrue(configValue(run, "model").get("layers").isInt());
      assertTrue(configValue(run, "model").get("activation").isTextual());
      assertTrue(configValue(run, "data.path").textValue().startsWith("/data/"));
      assertTrue(
          configValue(run, "layer_sizes").isArray() && configValue(run, "layer_sizes").size() > 0);
    }
    assertTrue(some(r -> configValue(r, "warmup").isNumber()));
    assertTrue(some(r -> configValue(r, "warmup").isTextual()));
    assertTrue(some(r -> configValue(r, "dropout") == null));
    assertTrue(some(r -> configValue(r, "dropout") != null));
    assertTrue(some(r -> configValue(r, "checkpoint") == null));
    assertTrue(
        some(r -> configValue(r, "checkpoint") != null && configValue(r, "checkpoint").isNull()));
    assertTrue(
        some(
            r -> configValue(r, "checkpoint") != null && configValue(r, "checkpoint").isTextual()));
  }

  @Test
  void theDottedConfigKeyExistsButFiltersCannotAddressIt() {
    JsonNode filter = HandBuiltRun.json("{'config.data.path': {'$exists': true}}");
    assertTrue(RUNS.stream().allMatch(r -> r.config().has("data.path")));
    assertTrue(RUNS.stream().noneMatch(RunFilterEvaluator.compile(filter, ValueOrder.BSON)));
  }

  @Test
  void summariesHoldNonFiniteNumbersMediaHistogramsAndNestedObjects() {
    assertTrue(some(r -> isNaN(r.summary().get("loss"))));
    assertTrue(
        some(r -> r.summary().path("max_grad_norm").doubleValue() == Double.POSITIVE_INFINITY));
    assertTrue(
        some(r -> r.summary().path("min_log_prob").doubleValue() == Double.NEGATIVE_INFINITY));
    assertTrue(
        some(r -> r.summary().has("min_log_prob")) && some(r -> !r.summary().has("min_log_prob")));
    assertTrue(some(r -> r.summary().path("eval").path("f1").isDouble()));
    assertTrue(some(r -> !r.summary().has("eval")));
    assertTrue(
        RUNS.stream()
            .filter(r -> r.state().equals("pending"))
            .allMatch(r -> r.summary().isEmpty()));
    JsonNode image =
        RUNS.stream()
            .map(r -> r.summary().get("examples"))
            .filter(n -> n != null)
            .findFirst()
            .orElseThrow();
    assertEquals("image-file", image.get("_type").textValue());
    assertTrue(image.get("sha256").textValue().matches("[0-9a-f]{64}"));
    assertTrue(image.get("path").textValue().startsWith("media/images/examples_"));
    assertTrue(
        image.get("size").isInt() && image.get("width").isInt() && image.get("height").isInt());
    JsonNode histogram =
        RUNS.stream()
            .map(r -> r.summary().get("gradients"))
            .filter(n -> n != null)
            .findFirst()
            .orElseThrow();
    assertEquals("histogram", histogram.get("_type").textValue());
    assertEquals(histogram.get("values").size() + 1, histogram.get("bins").size());
  }

  @Test
  void summaryHoldsTheLastLoggedValues() {
    for (EmulatedRun run : RUNS) {
      if (run.history().isEmpty()) {
        continue;
      }
      ObjectNode last = run.history().get(run.history().size() - 1);
      assertEquals(last.get("_step"), run.summary().get("_step"), run.name());
      assertEquals(last.get("loss"), run.summary().get("loss"), run.name());
      assertEquals(
          last.get("_runtime").longValue(), run.summary().at("/_wandb/runtime").longValue());
    }
  }

  @Test
  void historyRowsHaveGapsKeysAtDifferentStepsAndMixedValues() {
    Set<Integer> lengths = RUNS.stream().map(r -> r.history().size()).collect(Collectors.toSet());
    assertTrue(
        lengths.contains(0) && lengths.contains(200) && lengths.size() > 5, lengths.toString());
    assertTrue(
        RUNS.stream()
            .filter(r -> r.state().equals("finished"))
            .allMatch(r -> r.history().size() == 200 || r.history().isEmpty()));
    boolean gaps = false;
    int rows = 0;
    int gradNorms = 0;
    int valLosses = 0;
    for (EmulatedRun run : RUNS) {
      long previous = -1;
      for (ObjectNode row : run.history()) {
        rows++;
        long step = row.get("_step").longValue();
        assertTrue(row.get("_step").isIntegralNumber() && step > previous, run.name());
        gaps |= step > previous + 1 && previous >= 0;
        previous = step;
        assertTrue(row.get("_runtime").isDouble() && row.get("_timestamp").isDouble());
        double expected = run.createdAt().getEpochSecond() + row.get("_runtime").doubleValue();
        assertEquals(expected, row.get("_timestamp").doubleValue(), 0.01);
        assertTrue(row.get("loss").isDouble() && row.get("acc").isDouble());
        assertEquals(step % 10 == 0, row.has("val_loss"));
        assertEquals(step % 25 == 0, row.has("lr"));
        assertEquals(step % 20 == 0, row.has("phase") && row.get("phase").isTextual());
        assertEquals(
            step % 50 == 0, row.path("examples").path("_type").asText().equals("image-file"));
        valLosses += row.has("val_loss") ? 1 : 0;
        gradNorms += row.has("grad_norm") ? 1 : 0;
      }
    }
    assertTrue(gaps, "some run skips steps");
    assertTrue(gradNorms > 0 && gradNorms < rows / 10, "grad_norm is sparse: " + gradNorms);
    assertTrue(valLosses > 0 && valLosses < rows / 5);
    assertTrue(some(r -> r.history().stream().anyMatch(row -> isNaN(row.get("loss")))));
  }

  @Test
  void eventsAreSystemMetricRowsAndSystemMetricsTheLastSnapshot() {
    Set<String> keys =
        Set.of("_runtime", "_timestamp", "system.cpu", "system.memory", "system.gpu.0.gpu");
    for (EmulatedRun run : RUNS) {
      if (run.state().equals("pending")) {
        assertTrue(run.events().isEmpty() && run.systemMetrics().isEmpty(), run.name());
        assertNull(run.heartbeatAt());
        continue;
      }
      assertEquals(20, run.events().size(), run.name());
      double previous = 0;
      for (ObjectNode event : run.events()) {
        Set<String> eventKeys = new HashSet<>();
        event.fieldNames().forEachRemaining(eventKeys::add);
        assertEquals(keys, eventKeys);
        assertTrue(event.get("_runtime").doubleValue() >= previous);
        previous = event.get("_runtime").doubleValue();
      }
      ObjectNode last = run.events().get(19);
      assertEquals(last.get("system.cpu"), run.systemMetrics().get("system.cpu"));
      assertEquals(last.get("system.gpu.0.gpu"), run.systemMetrics().get("system.gpu.0.gpu"));
      assertEquals(3, run.systemMetrics().size());
    }
  }
}
