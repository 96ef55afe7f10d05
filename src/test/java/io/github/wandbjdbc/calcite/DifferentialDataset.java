package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The generated dataset, and hand-made runs for "demo" that the generator never produces: text full
 * of regex metacharacters, LIKE wildcards and line breaks, and config or summary values of the
 * wrong type for their discovered column (a string in a DOUBLE key, an array in a BIGINT key, a
 * scalar where an object was nested), and NaN and infinities in DOUBLE keys. The odd runs are added
 * once connections have discovered their columns, and are the project's oldest: like old runs of a
 * real project that the discovery sample missed. So every value order sees the same columns: where
 * it stores non-finite numbers as strings, its DOUBLE columns read them as NULL.
 */
final class DifferentialDataset {
  private static final int GENERATED_RUNS = 60;

  private static final JsonMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private DifferentialDataset() {}

  /** Short histories and event streams: the runs table reads neither. */
  static EmulatedDataset generate(long seed) {
    return DatasetGenerator.generate(
        GeneratorSpec.defaults(seed)
            .withRunsPerProject(GENERATED_RUNS)
            .withHistorySteps(20)
            .withEventsPerRun(2));
  }

  /** Adds the odd runs to "demo", created before the generated ones (at most 180 days old). */
  static void addOddRuns(EmulatedDataset dataset) {
    EmulatedProject demo = dataset.project(dataset.entity(), "demo").orElseThrow();
    Instant baseTime = GeneratorSpec.defaults(0).baseTime();
    oddRuns(baseTime.minus(200, ChronoUnit.DAYS)).forEach(demo::addRun);
  }

  private static List<EmulatedRun> oddRuns(Instant first) {
    return List.of(
        run(
            "odd00001",
            first,
            "a.b*c+d?(e)[f]{g}|h^i$j\\k%l_m",
            "finished",
            "exp-(a)|b",
            "train.*",
            List.of("v2.0", "a|b", "[x]"),
            "a+b",
            "line1\nline2 100%",
            "{'lr': '0.001', 'epochs': 12.5, 'use_amp': 'yes', 'optimizer': 3, 'model': 'resnet',"
                + " 'dropout': null, 'seed': [1, 2], 'warmup': 'auto', 'checkpoint': 's3://x/\\\\y$'}",
            "{'loss': 'NaN', 'acc': true, '_step': [5], 'phase': 'warm.*up'}"),
        run(
            "odd00002",
            first.plusSeconds(3_600),
            "100%_done",
            "crashed",
            "exp-a",
            null,
            List.of("baseline"),
            "alice",
            "under_score%\\",
            "{'lr': [0.001, 0.01], 'epochs': '10', 'use_amp': null, 'optimizer': ['adam'],"
                + " 'batch_size': {'value': 32}, 'data.path': '/data/$HOME/*.pt',"
                + " 'model': {'layers': 'deep', 'activation': 're(lu'}}",
            "{'loss': {'a': 1}, 'acc': 'high', 'max_grad_norm': -Infinity, 'eval': 0.5}"),
        run(
            "odd00003",
            first.plusSeconds(7_200),
            "r\u00e9sum\u00e9 \u2713 \ud83d\ude80",
            null,
            null,
            null,
            null,
            null,
            null,
            "{}",
            "{}"),
        run(
            "odd00004",
            first.plusSeconds(10_800),
            "",
            "running",
            "exp-b",
            "",
            List.of(),
            "",
            "",
            "{'lr': NaN, 'epochs': 9007199254740993, 'use_amp': true, 'optimizer': '',"
                + " 'model': {'layers': -3, 'activation': '%'}, 'warmup': 0, 'seed': -1,"
                + " 'layer_sizes': [], 'checkpoint': null}",
            "{'loss': Infinity, 'acc': -0.0, '_step': 0, 'phase': '', 'min_log_prob': NaN}"),
        run(
            "odd00005",
            first.plusSeconds(14_400),
            "back\\slash 'quoted' \"double\"",
            "failed",
            "exp-c",
            "eval",
            List.of("prod", "debug"),
            "bob",
            "tab\there\r\ncrlf",
            "{'lr': 1e-300, 'epochs': 0, 'optimizer': 'ADAM', 'use_amp': false, 'warmup': '50',"
                + " 'model': {'layers': 2.0}}",
            "{'loss': 1e308, 'acc': 0.5, 'eval': {'f1': 'n/a'}}"),
        nonFinite("odd00006", first.plusSeconds(18_000), "NaN", "Infinity", "-Infinity"),
        nonFinite("odd00007", first.plusSeconds(21_600), "-Infinity", "NaN", "Infinity"),
        nonFinite("odd00008", first.plusSeconds(25_200), "Infinity", "-Infinity", "NaN"),
        nonFinite("odd00009", first.plusSeconds(28_800), "NaN", "NaN", "-Infinity"));
  }

  /**
   * A finished run whose DOUBLE keys hold only NaN and infinities, dealt out as {@code a}, {@code
   * b} and {@code c}: over the runs, each key meets NaN, +Infinity and -Infinity, some NaN twice.
   */
  private static EmulatedRun nonFinite(
      String name, Instant createdAt, String a, String b, String c) {
    return run(
        name,
        createdAt,
        name,
        "finished",
        "exp-a",
        "train",
        List.of("baseline"),
        "alice",
        "",
        "{'lr': %2$s, 'dropout': %1$s}".formatted(a, b),
        ("{'acc': %1$s, 'val_loss': %2$s, 'val_acc': %3$s, '_runtime': %3$s, 'lr': %2$s,"
                + " 'grad_norm': %1$s, 'eval': {'f1': %2$s, 'recall': %3$s}}")
            .formatted(a, b, c));
  }

  private static EmulatedRun run(
      String name,
      Instant createdAt,
      String displayName,
      String state,
      String group,
      String jobType,
      List<String> tags,
      String username,
      String notes,
      String configJson,
      String summaryJson) {
    return new EmulatedRun(
        name,
        displayName,
        state,
        tags,
        group,
        jobType,
        null,
        null,
        notes,
        null,
        createdAt,
        state == null ? null : createdAt.plusSeconds(90),
        username,
        null,
        null,
        wrapped(json(configJson)),
        json(summaryJson),
        json("{}"),
        List.of(),
        List.of());
  }

  /** Config entries stored the way W&B stores them: {"value": v, "desc": null}. */
  private static ObjectNode wrapped(ObjectNode config) {
    ObjectNode wrapped = LENIENT.createObjectNode();
    config
        .properties()
        .forEach(
            entry -> {
              ObjectNode wrapper = wrapped.putObject(entry.getKey());
              wrapper.set("value", entry.getValue());
              wrapper.putNull("desc");
            });
    return wrapped;
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) LENIENT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
