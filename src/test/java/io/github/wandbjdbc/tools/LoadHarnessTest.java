package io.github.wandbjdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The load harness in a tiny configuration: correctness only, no timing. */
class LoadHarnessTest {

  @Test
  void concurrentConnectionsUnderARateLimitGetTheSingleThreadedResults() throws Exception {
    List<LoadHarness.Phase> phases = LoadHarness.run(new LoadHarness.Settings(3, 5, 60, 30, 0));
    LoadHarness.Phase reference = phases.get(0);
    LoadHarness.Phase concurrent = phases.get(1);
    assertEquals(LoadHarness.QUERIES.size(), reference.queries());
    assertEquals(15, concurrent.queries());
    assertEquals(0, concurrent.failed(), "failed queries");
    assertEquals(0, concurrent.wrong(), "results that differ from the single-threaded run");
    assertTrue(concurrent.requests() > reference.requests(), concurrent.toString());
  }
}
