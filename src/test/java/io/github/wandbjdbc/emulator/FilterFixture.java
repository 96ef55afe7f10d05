package io.github.wandbjdbc.emulator;

import static io.github.wandbjdbc.emulator.HandBuiltRun.run;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Five hand-built runs the filter tables are computed against. Notable shapes: r2 has an empty tag
 * list, r3 null tags; config.lr is a double, the int 1 (r2) and the double 1.0 (r5), missing in r4;
 * config.checkpoint is null in r2, a string in r3, missing elsewhere; config.warmup is an int, a
 * string and a double; r1 has the dotted config key "data.path"; summary loss is NaN in r2 and the
 * int 1 in r5; r4 is pending with no heartbeat and no display name.
 */
final class FilterFixture {
  static final List<EmulatedRun> RUNS =
      List.of(
          run("r1")
              .state("finished")
              .displayName("happy-fox-1")
              .tags("baseline", "v2")
              .group("exp-a")
              .jobType("train")
              .sweep("sw1")
              .username("alice")
              .host("gpu-1")
              .createdAt("2026-01-10T08:00:00Z")
              .heartbeatAt("2026-01-10T09:30:00Z")
              .config("lr", "0.01")
              .config("batch_size", "32")
              .config("optimizer", "'adam'")
              .config("use_amp", "true")
              .config("model", "{'layers': 4, 'activation': 'relu'}")
              .config("data.path", "'/data/a'")
              .config("warmup", "100")
              .config("layer_sizes", "[256, 128]")
              .summary("{'loss': 0.5, 'acc': 0.9, 'model': {'loss': 0.4}}")
              .build(),
          run("r2")
              .state("crashed")
              .displayName("sad-cat-2")
              .tags()
              .jobType("eval")
              .username("bob")
              .host("gpu-2")
              .createdAt("2026-02-01T00:00:00Z")
              .heartbeatAt("2026-02-01T00:00:30Z")
              .config("lr", "1")
              .config("batch_size", "64")
              .config("optimizer", "'sgd'")
              .config("use_amp", "false")
              .config("model", "{'layers': 2, 'activation': 'tanh'}")
              .config("warmup", "'auto'")
              .config("checkpoint", "null")
              .summary("{'loss': NaN, 'acc': 0.7, 'model': {'loss': 0.9}}")
              .build(),
          run("r3")
              .state("running")
              .displayName("Happy-Owl-3")
              .tags((String[]) null)
              .group("exp-a")
              .sweep("sw1")
              .username("alice")
              .createdAt("2026-03-15T12:30:45Z")
              .heartbeatAt("2026-03-15T13:00:00Z")
              .config("lr", "0.1")
              .config("batch_size", "32")
              .config("optimizer", "'adamw'")
              .config("warmup", "50.5")
              .config("layer_sizes", "[512]")
              .config("checkpoint", "'ckpt/a'")
              .summary(
                  "{'loss': 0.2, 'acc': 'n/a', 'inf': Infinity,"
                      + " 'examples': {'_type': 'image-file', 'path': 'media/x.png'}}")
              .build(),
          run("r4")
              .state("pending")
              .tags("debug")
              .group("exp-b")
              .jobType("train")
              .username("carol")
              .host("gpu-1")
              .createdAt("2026-04-01T00:00:00Z")
              .rawConfig("_wandb", "{'value': {'cli_version': '0.19.1'}}")
              .build(),
          run("r5")
              .state("failed")
              .displayName("a.b*c")
              .tags("v2", "prod")
              .group("exp-b")
              .username("bob")
              .host("gpu-3")
              .createdAt("2026-05-20T23:59:59Z")
              .heartbeatAt("2026-05-21T00:10:00Z")
              .config("lr", "1.0")
              .config("batch_size", "128")
              .config("optimizer", "null")
              .config("model", "{'layers': 4, 'activation': 'gelu'}")
              .config("layer_sizes", "[128, 256]")
              .summary("{'loss': 1, 'acc': 0.95}")
              .build());

  private FilterFixture() {}

  /** Names of the fixture runs the filter matches, space-separated in fixture order. */
  static String matching(String filterJson) {
    return RUNS.stream()
        .filter(RunFilterEvaluator.compile(HandBuiltRun.json(filterJson), ValueOrder.BSON))
        .map(EmulatedRun::name)
        .collect(Collectors.joining(" "));
  }
}
