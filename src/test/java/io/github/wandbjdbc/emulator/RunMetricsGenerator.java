package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run's history, summary, system events and system-metrics snapshot, consistent with each other:
 * the summary holds the last logged value of every history key, as W&B's does.
 *
 * <p>History rows: {@code _step} (long; about one step in ten skips ahead 2-5 steps), {@code
 * _runtime} and {@code _timestamp} (double seconds), {@code loss}/{@code acc} every row, {@code
 * val_loss}/{@code val_acc} at steps divisible by 10, {@code lr} by 25, the string {@code phase} by
 * 20, an image media object {@code examples} by 50, and the sparse {@code grad_norm} at ~3% of
 * rows. Crashed and failed runs diverge: their last three losses are NaN, and their summary has
 * {@code max_grad_norm: Infinity}. Finished runs log exactly {@code historySteps} rows, pending
 * runs none, every tenth run none, others a random number.
 */
final class RunMetricsGenerator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String STEP = "_step";
  private static final String RUNTIME = "_runtime";
  private static final String TIMESTAMP = "_timestamp";

  /** What a run logged; {@code runtimeSeconds} is how long it ran (0 for pending). */
  record RunMetrics(
      List<ObjectNode> history,
      ObjectNode summary,
      List<ObjectNode> events,
      ObjectNode systemMetrics,
      double runtimeSeconds) {
    RunMetrics {
      history = List.copyOf(history);
      Objects.requireNonNull(summary, "summary is null");
      events = List.copyOf(events);
      Objects.requireNonNull(systemMetrics, "systemMetrics is null");
    }
  }

  private RunMetricsGenerator() {}

  static RunMetrics generate(
      SeededDice dice, GeneratorSpec spec, String state, int index, Instant createdAt) {
    boolean started = !state.equals("pending");
    boolean diverged = state.equals("crashed") || state.equals("failed");
    int length = historyLength(dice, spec.historySteps(), state, index);
    double start = createdAt.getEpochSecond();
    double decay = dice.between(1.5, 4.0);
    double floor = dice.between(0.02, 0.3);
    double lr0 = SeededDice.round(Math.pow(10, dice.between(-4, -2)), 6);
    double runtime = 0;
    long step = 0;
    List<ObjectNode> history = new ArrayList<>(length);
    ObjectNode latest = NODES.objectNode();
    for (int i = 0; i < length; i++) {
      runtime += dice.between(0.5, 3.0);
      double progress = (double) i / Math.max(1, spec.historySteps());
      double cleanLoss =
          floor + 2.3 * Math.exp(-decay * progress) + Math.abs(0.02 * dice.gaussian());
      boolean nan = (diverged && i >= length - 3) || dice.chance(0.002);
      ObjectNode row = NODES.objectNode();
      row.put(STEP, step);
      row.put(RUNTIME, SeededDice.round(runtime, 3));
      row.put(TIMESTAMP, SeededDice.round(start + runtime, 3));
      row.put("loss", nan ? Double.NaN : SeededDice.round(cleanLoss, 5));
      row.put("acc", accuracy(cleanLoss));
      if (step % 10 == 0) {
        double valLoss = cleanLoss + 0.05 + Math.abs(0.03 * dice.gaussian());
        row.put("val_loss", SeededDice.round(valLoss, 5));
        row.put("val_acc", accuracy(valLoss));
      }
      if (step % 25 == 0) {
        row.put("lr", SeededDice.round(lr0 * Math.pow(0.5, step / 100.0), 8));
      }
      if (dice.chance(0.03)) {
        row.put("grad_norm", SeededDice.round(dice.between(0.1, 5), 4));
      }
      if (step % 20 == 0) {
        row.put("phase", step < 20 ? "warmup" : "train");
      }
      if (step % 50 == 0) {
        row.set("examples", MediaObjects.image(dice, "examples", step));
      }
      history.add(row);
      latest.setAll(row);
      step += dice.chance(0.1) ? 2 + dice.below(4) : 1;
    }
    // The rounded total equals the last row's _runtime, so the summary agrees with the history.
    runtime =
        started && length == 0
            ? SeededDice.round(dice.between(10, 5000), 3)
            : SeededDice.round(runtime, 3);
    ObjectNode summary =
        started ? summary(dice, latest, runtime, state, index, diverged) : NODES.objectNode();
    List<ObjectNode> events =
        started ? events(dice, spec.eventsPerRun(), start, runtime) : List.of();
    ObjectNode systemMetrics = NODES.objectNode();
    if (!events.isEmpty()) {
      ObjectNode last = events.get(events.size() - 1);
      last.fieldNames()
          .forEachRemaining(
              key -> {
                if (key.startsWith("system.")) {
                  systemMetrics.set(key, last.get(key));
                }
              });
    }
    return new RunMetrics(history, summary, events, systemMetrics, runtime);
  }

  private static int historyLength(SeededDice dice, int historySteps, String state, int index) {
    if (historySteps == 0 || state.equals("pending") || index % 10 == 9) {
      return 0;
    }
    return state.equals("finished") ? historySteps : 1 + dice.below(historySteps);
  }

  private static double accuracy(double loss) {
    return SeededDice.round(Math.max(0, Math.min(1, 1 - loss / 2.5)), 4);
  }

  private static ObjectNode summary(
      SeededDice dice,
      ObjectNode latest,
      double runtime,
      String state,
      int index,
      boolean diverged) {
    ObjectNode summary = latest.deepCopy();
    if (!summary.has(RUNTIME)) {
      summary.put(RUNTIME, runtime);
    }
    if (diverged) {
      summary.put("max_grad_norm", Double.POSITIVE_INFINITY);
    }
    if (index % 7 == 3) {
      summary.put("min_log_prob", Double.NEGATIVE_INFINITY);
    } else if (index % 7 == 0) {
      summary.put("min_log_prob", SeededDice.round(-dice.between(1, 20), 3));
    }
    if (index % 3 != 1 && latest.size() > 0) {
      summary.set("gradients", MediaObjects.histogram(dice));
    }
    if (state.equals("finished")) {
      ObjectNode eval = summary.putObject("eval");
      eval.put("f1", SeededDice.round(dice.between(0.5, 0.99), 4));
      eval.put("precision", SeededDice.round(dice.between(0.5, 0.99), 4));
      eval.put("recall", SeededDice.round(dice.between(0.5, 0.99), 4));
    }
    summary.putObject("_wandb").put("runtime", (long) runtime);
    return summary;
  }

  private static List<ObjectNode> events(SeededDice dice, int count, double start, double runtime) {
    List<ObjectNode> events = new ArrayList<>(count);
    double cpu = dice.between(10, 60);
    double gpu = dice.between(40, 95);
    for (int i = 0; i < count; i++) {
      double at = SeededDice.round(runtime * (i + 1) / count, 3);
      ObjectNode event = NODES.objectNode();
      event.put(RUNTIME, at);
      event.put(TIMESTAMP, SeededDice.round(start + at, 3));
      event.put("system.cpu", SeededDice.round(clampPercent(cpu + 10 * dice.gaussian()), 1));
      event.put("system.memory", SeededDice.round(clampPercent(30 + 40.0 * (i + 1) / count), 1));
      event.put("system.gpu.0.gpu", SeededDice.round(clampPercent(gpu + 5 * dice.gaussian()), 1));
      events.add(event);
    }
    return events;
  }

  private static double clampPercent(double value) {
    return Math.max(0, Math.min(100, value));
  }
}
