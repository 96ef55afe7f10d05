package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A run's config, stored wrapped as W&B stores it ({@code {"value": v, "desc": null}}) plus the raw
 * {@code _wandb} entry. Features every dataset has (by run position, so small datasets have them
 * too): numbers, strings, a boolean, a nested object ({@code model}), a key containing a dot
 * ({@code data.path}), a key that is an int in even runs and a string in odd ones ({@code warmup}),
 * a key missing in every third run ({@code dropout}), a key that is null in some runs and missing
 * in others ({@code checkpoint}) and a list ({@code layer_sizes}).
 */
final class RunConfigGenerator {
  static final String CLI_VERSION = "0.19.1";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> OPTIMIZERS = List.of("adam", "adamw", "sgd", "rmsprop");
  private static final List<String> ACTIVATIONS = List.of("relu", "gelu", "tanh");
  private static final List<String> DATASETS = List.of("cifar10", "imagenet", "mnist");
  private static final List<String> WARMUP_MODES = List.of("auto", "linear", "cosine");
  private static final List<Integer> BATCH_SIZES = List.of(16, 32, 64, 128);

  private RunConfigGenerator() {}

  static ObjectNode generate(SeededDice dice, int index, String runName, Instant createdAt) {
    ObjectNode config = NODES.objectNode();
    double lr = SeededDice.round(Math.pow(10, dice.between(-5, -1)), 6);
    wrap(config, "lr", NODES.numberNode(lr));
    wrap(config, "batch_size", NODES.numberNode(dice.pick(BATCH_SIZES)));
    wrap(config, "epochs", NODES.numberNode(5 + dice.below(46)));
    wrap(config, "optimizer", NODES.textNode(dice.pick(OPTIMIZERS)));
    wrap(config, "use_amp", NODES.booleanNode(dice.chance(0.5)));
    ObjectNode model = NODES.objectNode();
    model.put("layers", 2 + dice.below(10));
    model.put("activation", dice.pick(ACTIVATIONS));
    wrap(config, "model", model);
    wrap(config, "data.path", NODES.textNode("/data/" + dice.pick(DATASETS) + "/train"));
    wrap(
        config,
        "warmup",
        index % 2 == 0
            ? NODES.numberNode(50 * dice.below(21))
            : NODES.textNode(dice.pick(WARMUP_MODES)));
    if (index % 3 != 0) {
      wrap(config, "dropout", NODES.numberNode(SeededDice.round(dice.between(0, 0.5), 2)));
    }
    if (index % 4 == 0) {
      wrap(config, "checkpoint", NODES.nullNode());
    } else if (index % 4 == 1) {
      wrap(config, "checkpoint", NODES.textNode("s3://checkpoints/" + runName + "/last.pt"));
    }
    ArrayNode layerSizes = NODES.arrayNode();
    for (int width = 64 << dice.below(4); width >= 32; width /= 2) {
      layerSizes.add(width);
    }
    wrap(config, "layer_sizes", layerSizes);
    wrap(config, "seed", NODES.numberNode(dice.below(100_000)));
    config.set("_wandb", wandbEntry(createdAt));
    return config;
  }

  private static void wrap(ObjectNode config, String key, JsonNode value) {
    ObjectNode wrapper = config.putObject(key);
    wrapper.set("value", value);
    wrapper.putNull("desc");
  }

  /** The entry the W&B SDK writes itself; stored as {"value": {...}} without "desc". */
  private static ObjectNode wandbEntry(Instant createdAt) {
    ObjectNode value = NODES.objectNode();
    value.put("cli_version", CLI_VERSION);
    value.put("python_version", "3.11.9");
    value.put("framework", "torch");
    value.put("is_jupyter_run", false);
    value.put("start_time", createdAt.getEpochSecond());
    ObjectNode telemetry = value.putObject("t");
    telemetry.putArray("1").add(1).add(5).add(41).add(55);
    telemetry.put("4", "3.11.9");
    telemetry.put("5", CLI_VERSION);
    telemetry.put("13", "linux-x86_64");
    ObjectNode entry = NODES.objectNode();
    entry.set("value", value);
    return entry;
  }
}
