package io.github.wandbjdbc.emulator;

import static io.github.wandbjdbc.emulator.HandBuiltRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Orders seven hand-built runs, listed in scrambled insertion order. Runs a and b share a
 * createdAt; summary loss covers NaN, -Infinity, null, missing, an int and a string; config lr
 * covers every BSON type class; b, d and g share the display name "Zed".
 */
class RunOrderingTest {
  private static final List<EmulatedRun> RUNS =
      List.of(
          run("e")
              .state("failed")
              .displayName("beta")
              .createdAt("2026-01-04T00:00:00Z")
              .heartbeatAt("2026-01-03T00:00:00Z")
              .config("lr", "{'x': 1}")
              .summary("{'loss': 2, 'model': {'loss': 0.3}}")
              .build(),
          run("c")
              .state("running")
              .displayName("alpha")
              .createdAt("2026-01-03T00:00:00Z")
              .heartbeatAt("2026-01-01T12:00:00Z")
              .config("lr", "1")
              .summary("{'loss': null}")
              .build(),
          run("g")
              .state("preempted")
              .displayName("Zed")
              .createdAt("2026-01-06T00:00:00Z")
              .heartbeatAt("2026-01-06T01:00:00Z")
              .config("lr", "0.1")
              .summary("{'loss': -Infinity}")
              .build(),
          run("a")
              .state("crashed")
              .createdAt("2026-01-01T00:00:00Z")
              .config("lr", "'high'")
              .summary("{'loss': NaN}")
              .build(),
          run("f")
              .state("killed")
              .displayName("zed")
              .createdAt("2026-01-05T00:00:00Z")
              .heartbeatAt("2026-01-04T00:00:00Z")
              .config("lr", "[1, 2]")
              .summary("{'loss': 'text', 'model': {'loss': 0.1}}")
              .build(),
          run("b")
              .state("finished")
              .displayName("Zed")
              .createdAt("2026-01-01T00:00:00Z")
              .heartbeatAt("2026-01-02T00:00:00Z")
              .config("lr", "0.1")
              .summary("{'loss': 0.5, 'model': {'loss': 0.2}}")
              .build(),
          run("d")
              .state("pending")
              .displayName("Zed")
              .createdAt("2026-01-02T00:00:00Z")
              .heartbeatAt("2026-01-05T00:00:00Z")
              .config("lr", "true")
              .build());

  private static String sorted(String order) {
    return RUNS.stream()
        .sorted(RunOrdering.parse(order, ValueOrder.BSON))
        .map(EmulatedRun::name)
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      +created_at                 => a b d c e f g
      created_at                  => a b d c e f g
      createdAt                   => a b d c e f g
      -created_at                 => g f e c d a b
      -createdAt                  => g f e c d a b
      +heartbeat_at               => a c b e f d g
      -heartbeatAt                => g d f e b c a
      +name                       => a b c d e f g
      -name                       => g f e d c b a
      +state                      => a e b f d g c
      -state                      => c g d f b e a
      +display_name               => a b d g c e f
      -displayName                => f e c b d g a
      """)
  void runFieldsWithTieBreakByCreatedAtThenName(String order, String expected) {
    assertEquals(expected, sorted(order));
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      # null and missing first, NaN below -Infinity, then ints/doubles together, then strings
      +summary_metrics.loss       => d c a g b e f
      summary_metrics.loss        => d c a g b e f
      loss                        => d c a g b e f
      -summary_metrics.loss       => f e b g a d c
      -loss                       => f e b g a d c
      # numbers < strings < objects < arrays < booleans; b and g tie on 0.1
      +config.lr                  => b g c a e f d
      +config.lr.value            => b g c a e f d
      -config.lr                  => d f e a c b g
      -config.lr.value            => d f e a c b g
      # nested summary paths; a dotted bare key also means summary_metrics
      +summary_metrics.model.loss => a d c g f b e
      -model.loss                 => e b f a d c g
      # group is not a sortable run field here, so it is summary_metrics.group: all missing
      +group                      => a b d c e f g
      -group                      => a b d c e f g
      """)
  void valuesInBsonTypeOrder(String order, String expected) {
    assertEquals(expected, sorted(order));
  }

  @Test
  void nullOrEmptyMeansAscendingCreatedAt() {
    assertEquals("a b d c e f g", sorted(null));
    assertEquals("a b d c e f g", sorted(""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+",
        "-",
        "--loss",
        "+-loss",
        "-+loss",
        " loss",
        "loss ",
        "lo ss",
        "config",
        "+config",
        "-summary_metrics",
        "config..lr",
        "loss.",
        ".loss",
        "config.lr..value"
      })
  void rejectsMalformedOrders(String order) {
    assertThrows(IllegalArgumentException.class, () -> RunOrdering.parse(order, ValueOrder.BSON));
  }

  @Test
  void malformedOrderMessageShowsTheExpectedForm() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunOrdering.parse("+ created_at", ValueOrder.BSON));
    assertEquals(
        "order '+ created_at' is malformed: expected [+|-]path, e.g. -created_at or"
            + " +summary_metrics.loss",
        e.getMessage());
  }
}
